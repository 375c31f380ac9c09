/** @jsxImportSource hono/jsx */
// The web versions of sent issues (each email links here), their index, and an Atom feed of them.
// Hono JSX, not React (the API bundle carries no React); every user-supplied string is escaped by JSX.
import { Feed } from 'feed';
import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { escapeHtml } from '../../domain/delivery/personalise';
import { isIssueId } from '../../domain/issues/request';
import type { Issue, IssueDevelopment } from '../../domain/issues/types';
import { deliveryPorts } from '../../workers/delivery-ports';
import type { AppEnv } from '../types';

const DEFAULT_TOPIC = 'us-russia-ukraine';

/** The `?topic=` asked for, when it is one we have (anything else is not asked of the store). */
function topicOf(c: Context<AppEnv>): string | undefined {
  const topic = c.req.query('topic') ?? DEFAULT_TOPIC;
  return c.get('deps').topics.some((t) => t.id === topic) ? topic : undefined;
}

function notFound(c: Context<AppEnv>) {
  c.status(404);
  return c.html(
    <Page title="Not found">
      <h1>No such issue</h1>
      <p>This issue does not exist or was never sent.</p>
    </Page>,
  );
}

const dateOf = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

function Page({ title, children }: { title: string; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title} · Talkwatch</title>
        <link rel="alternate" type="application/atom+xml" title="Talkwatch issues" href="/feed.xml" />
        <style>
          {
            'body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1f2933}blockquote{border-left:3px solid #d9e2ec;margin:0 0 .5rem;padding-left:.75rem}.muted{color:#52606d;font-size:.9rem}'
          }
        </style>
      </head>
      <body>
        <p>
          <a href="/archive">Talkwatch archive</a>
        </p>
        <main>{children}</main>
      </body>
    </html>
  );
}

function DevelopmentView({ d }: { d: IssueDevelopment }) {
  return (
    <section>
      <h3>{d.title}</h3>
      <p class="muted">
        {dateOf(d.publishedAt)} · {d.source}
      </p>
      <p>{d.summary.summary}</p>
      {d.summary.keyPoints.length > 0 && (
        <ul>
          {d.summary.keyPoints.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {d.summary.quotes.map((q) => (
        <blockquote key={q.text}>
          “{q.text}” <span class="muted">— {q.speaker ?? 'speaker not named'}</span>
        </blockquote>
      ))}
      <p class="muted">
        Sources:{' '}
        {(d.sources.length ? d.sources : [{ name: d.source, url: d.url }]).map((s, i) => (
          <span key={s.url}>
            {i > 0 ? ', ' : ''}
            <a href={safeUrl(s.url)}>{s.name}</a>
          </span>
        ))}
      </p>
    </section>
  );
}

/** Only http(s) links from stored content become hrefs (no javascript: URLs). */
function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

function IssueView({ issue }: { issue: Issue }) {
  const content = issue.content!;
  const timeline = [...(content.stateOfPlay?.timeline ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <Page title={content.subject}>
      <article>
        <h1>{content.subject}</h1>
        <p class="muted">
          {issue.kind === 'alert' ? 'Alert' : 'Digest'} · {content.topicTitle} · {dateOf(issue.createdAt)}
        </p>
        <h2>{issue.kind === 'alert' ? 'What happened' : 'What changed'}</h2>
        {content.developments.map((d) => (
          <DevelopmentView key={d.id} d={d} />
        ))}
        {content.stateOfPlay && (
          <>
            <h2>State of play</h2>
            <ul>
              {content.stateOfPlay.proposals.map((p) => (
                <li key={p.name}>
                  <strong>{p.name}</strong>: {p.status}
                </li>
              ))}
            </ul>
            <h3>Timeline</h3>
            <ul>
              {timeline.map((e) => (
                <li key={`${e.date}${e.description}`}>
                  <strong>{dateOf(e.date)}</strong>
                  {e.place ? `, ${e.place}` : ''}: {e.description}
                </li>
              ))}
            </ul>
          </>
        )}
      </article>
    </Page>
  );
}

export const archiveRoutes = new Hono<AppEnv>()
  .get('/archive', async (c) => {
    const topic = topicOf(c);
    if (!topic) return notFound(c);
    const issues = await deliveryPorts(c.get('deps')).issues.listSent(topic);
    return c.html(
      <Page title="Archive">
        <h1>Past issues</h1>
        {issues.length === 0 ? (
          <p>Nothing has been sent yet.</p>
        ) : (
          <ul>
            {issues.map((i) => (
              <li key={i.id}>
                <a href={`/archive/${encodeURIComponent(i.id)}`}>{i.content?.subject ?? i.id}</a>{' '}
                <span class="muted">{dateOf(i.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </Page>,
    );
  })
  .get('/archive/:id', async (c) => {
    const id = c.req.param('id');
    const issue = isIssueId(id) ? await deliveryPorts(c.get('deps')).issues.get(id) : undefined;
    if (!issue?.content || issue.request.dryRun || issue.status === 'skipped') return notFound(c);
    return c.html(<IssueView issue={issue} />);
  })
  .get('/feed.xml', async (c) => {
    const config = c.get('config');
    const topic = topicOf(c);
    if (!topic) return c.json({ error: 'No such topic' }, 404);
    const issues = await deliveryPorts(c.get('deps')).issues.listSent(topic, 30);
    const feed = new Feed({
      id: `${config.PUBLIC_URL}/archive`,
      title: 'Talkwatch',
      description: 'Alerts and digests on negotiation developments',
      link: `${config.PUBLIC_URL}/archive`,
      language: 'en',
      updated: issues[0] ? new Date(issues[0].createdAt) : new Date(0),
      feedLinks: { atom: `${config.PUBLIC_URL}/feed.xml` },
      copyright: 'Talkwatch',
    });
    for (const issue of issues) {
      if (!issue.content) continue;
      // The feed library marks titles and summaries `type="html"`: report text is escaped into it, so
      // a title such as `<img src=x onerror=…>` reaches feed readers as text, never as markup.
      feed.addItem({
        id: `${config.PUBLIC_URL}/archive/${issue.id}`,
        title: escapeHtml(issue.content.subject),
        link: `${config.PUBLIC_URL}/archive/${issue.id}`,
        date: new Date(issue.createdAt),
        description: issue.content.developments
          .map((d) => `<p>${escapeHtml(d.summary.summary)}</p>`)
          .join(''),
      });
    }
    return c.body(feed.atom1(), 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });
