/** @jsxImportSource hono/jsx */
// The public record: past issues (the web version every email links to), each topic's story so far,
// and an Atom feed of the issues. Only issues that went to at least one reader appear (see
// domain/issues/archive.ts). Hono JSX, not React (the API bundle carries no React).
import { Feed } from 'feed';
import { type Context, Hono } from 'hono';
import { escapeHtml } from '../../domain/delivery/personalise';
import { isPublished, listPublished } from '../../domain/issues/archive';
import { presentIssue, proposalLine, recentTimeline, whatsNext } from '../../domain/issues/presentation';
import { isIssueId } from '../../domain/issues/request';
import type { Topic } from '../../domain/subscribers/topics';
import { DatedLines, IssueArticle, IssueList, SubscribeBox } from '../pages/issue-view';
import { Page, render } from '../pages/layout';
import { notFoundPage } from '../pages/not-found';
import type { AppEnv } from '../types';

const STORY_TIMELINE = 40;

function topicsOf(c: Context<AppEnv>, topic?: string): readonly Topic[] {
  const all = c.get('deps').topics;
  return topic ? all.filter((t) => t.id === topic) : all;
}

export const archiveRoutes = new Hono<AppEnv>()
  .get('/archive', async (c) => {
    const all = c.get('deps').topics;
    const topic = c.req.query('topic');
    const shown = topicsOf(c, topic);
    if (topic && shown.length === 0) return c.html(notFoundPage(), 404);
    const issues = await listPublished(
      c.get('deps').issues,
      shown.map((t) => t.id),
      50,
    );
    const title = topic ? `Past issues: ${shown[0]!.title}` : 'Past issues';
    return c.html(
      render(
        <Page
          title={title}
          noindex={false}
          {...(topic
            ? { feed: { href: `/feed.xml?topic=${topic}`, title: `Talkwatch: ${shown[0]!.title}` } }
            : {})}
        >
          <h1>{title}</h1>
          <p class="muted">
            Every alert and digest that went to readers, newest first.{' '}
            {all.map((t, i) => (
              <span key={t.id}>
                {i > 0 ? ' · ' : ''}
                <a href={`/archive?topic=${t.id}`}>{t.shortTitle ?? t.title}</a>
              </span>
            ))}
          </p>
          {issues.length === 0 ? (
            <p>Nothing has been sent yet.</p>
          ) : (
            <IssueList issues={issues} topics={all} />
          )}
          <SubscribeBox topics={all} chosen={shown.length === 1 ? [shown[0]!.id] : []} />
        </Page>,
      ),
    );
  })
  .get('/archive/:id', async (c) => {
    // An id that cannot be an issue's (a 5,000-character path) is not asked of the store.
    const id = c.req.param('id');
    const issue = isIssueId(id) ? await c.get('deps').issues.get(id) : undefined;
    if (!issue || !isPublished(issue))
      return c.html(notFoundPage('This issue does not exist or was never sent.'), 404);
    const topics = c.get('deps').topics;
    return c.html(
      render(
        <Page title={issue.content!.subject} noindex={false}>
          <IssueArticle issue={issue} />
          <SubscribeBox topics={topics} chosen={[issue.topic]} />
        </Page>,
      ),
    );
  })
  .get('/topics/:id', async (c) => {
    const deps = c.get('deps');
    const topic = deps.topics.find((t) => t.id === c.req.param('id'));
    if (!topic) return c.html(notFoundPage(), 404);
    const [state, issues] = await Promise.all([
      deps.developments.getStateOfPlay(topic.id),
      listPublished(deps.issues, [topic.id], 10),
    ]);
    const asOf = deps.clock.now().toISOString();
    const next = whatsNext([], state, asOf);
    const timeline = recentTimeline(state, asOf, STORY_TIMELINE);
    return c.html(
      render(
        <Page
          title={topic.title}
          noindex={false}
          feed={{ href: `/feed.xml?topic=${topic.id}`, title: `Talkwatch: ${topic.title}` }}
        >
          <p class="kicker">The story so far</p>
          <h1>{topic.title}</h1>
          {topic.description && <p>{topic.description}</p>}
          {next.length > 0 && (
            <>
              <h2>What’s next</h2>
              <DatedLines lines={next} />
            </>
          )}
          <h2>State of play</h2>
          {state && state.proposals.length > 0 ? (
            state.proposals.map((p) => <p key={p.key ?? p.name}>{proposalLine(p, state)}</p>)
          ) : (
            <p class="muted">No proposal on the table yet.</p>
          )}
          <h2>Timeline</h2>
          {timeline.length ? <DatedLines lines={timeline} /> : <p class="muted">Nothing reported yet.</p>}
          <h2>Recent issues</h2>
          {issues.length ? (
            <IssueList issues={issues} topics={deps.topics} />
          ) : (
            <p class="muted">Nothing has been sent yet.</p>
          )}
          <SubscribeBox topics={deps.topics} chosen={[topic.id]} />
        </Page>,
      ),
    );
  })
  .get('/feed.xml', async (c) => {
    const config = c.get('config');
    const topic = c.req.query('topic');
    const shown = topicsOf(c, topic);
    if (topic && shown.length === 0) return c.json({ error: `unknown topic "${topic}"` }, 404);
    const issues = await listPublished(
      c.get('deps').issues,
      shown.map((t) => t.id),
      30,
    );
    const self = `${config.PUBLIC_URL}/feed.xml${topic ? `?topic=${encodeURIComponent(topic)}` : ''}`;
    const feed = new Feed({
      id: self,
      title: topic ? `Talkwatch: ${shown[0]!.title}` : 'Talkwatch',
      description: 'Alerts and digests on negotiation developments',
      link: `${config.PUBLIC_URL}/archive${topic ? `?topic=${encodeURIComponent(topic)}` : ''}`,
      language: 'en',
      updated: issues[0] ? new Date(issues[0].createdAt) : new Date(0),
      feedLinks: { atom: self },
      copyright: 'Talkwatch',
    });
    for (const issue of issues) {
      const view = presentIssue(issue.kind, issue.content!);
      // The feed library marks titles and summaries `type="html"`: report text is escaped into it, so
      // a title such as `<img src=x onerror=…>` reaches feed readers as text, never as markup.
      feed.addItem({
        id: `${config.PUBLIC_URL}/archive/${issue.id}`,
        title: escapeHtml(issue.content!.subject),
        link: `${config.PUBLIC_URL}/archive/${issue.id}`,
        date: new Date(issue.createdAt),
        description: [...view.bigPicture, ...view.news.map((d) => d.summary)]
          .map((p) => `<p>${escapeHtml(p)}</p>`)
          .join(''),
      });
    }
    return c.body(feed.atom1(), 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });
