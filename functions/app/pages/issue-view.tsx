/** @jsxImportSource hono/jsx */
// Issues on the web, laid out like the emails (the same presentation decides what is shown): the web
// version every email links to, the issue lists, and the subscribe box every public page offers.
// Every user-supplied string is escaped by JSX; only http(s) links from stored content become hrefs.
import {
  type DatedLine,
  lineDate,
  type PresentedDevelopment,
  presentIssue,
  shortDate,
} from '../../domain/issues/presentation';
import type { Issue } from '../../domain/issues/types';
import type { Topic } from '../../domain/subscribers/topics';

export function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

function DevelopmentView({ d, brief }: { d: PresentedDevelopment; brief?: boolean }) {
  return (
    <section>
      <h3>{d.title}</h3>
      <p class="muted">
        {shortDate(d.publishedAt)} · {d.source}
        {d.background ? ' · background' : ''}
      </p>
      <p>{d.summary}</p>
      {!brief &&
        d.quotes.map((q) => (
          <blockquote key={q.text}>
            “{q.text}”<br />
            <span class="muted">— {q.speaker}</span>
          </blockquote>
        ))}
      {!brief && d.keyPoints.length > 0 && (
        <ul>
          {d.keyPoints.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <p class="muted">
        {d.sources.length === 1 ? 'Source' : 'Sources'}:{' '}
        {d.sources.map((s, i) => (
          <span key={s.url}>
            {i > 0 ? ', ' : ''}
            <a href={safeUrl(s.url)}>{s.name}</a>
          </span>
        ))}
      </p>
    </section>
  );
}

export function DatedLines({ lines }: { lines: DatedLine[] }) {
  return (
    <ul class="plain">
      {lines.map((l) => (
        <li key={`${l.date}${l.description}`}>
          <strong>{lineDate(l)}</strong>
          {l.place ? `, ${l.place}` : ''} — {l.description}
        </li>
      ))}
    </ul>
  );
}

export function IssueArticle({ issue }: { issue: Issue }) {
  const content = issue.content!;
  const view = presentIssue(issue.kind, content);
  const lead = view.news[0];
  return (
    <article>
      <p class="kicker">
        {issue.kind === 'alert' ? 'Alert' : 'Digest'} · {content.topicTitle}
      </p>
      <h1>{issue.kind === 'alert' && lead ? lead.title : content.subject}</h1>
      <p class="muted">Sent {shortDate(issue.dispatchedAt ?? issue.createdAt)}</p>
      {view.bigPicture.length > 0 && (
        <>
          <h2>The big picture</h2>
          {view.bigPicture.map((s) => (
            <p key={s}>{s}</p>
          ))}
        </>
      )}
      {issue.kind === 'alert' && lead?.whyItMatters && (
        <>
          <h2>Why it matters</h2>
          <p>{lead.whyItMatters}</p>
        </>
      )}
      <h2>What happened</h2>
      {view.news.map((d) => (
        <DevelopmentView key={d.id} d={d} />
      ))}
      {view.background.length > 0 && (
        <>
          <h2>Background</h2>
          <p class="muted">Earlier reports that reached us after newer news. They change nothing above.</p>
          {view.background.map((d) => (
            <DevelopmentView key={d.id} d={d} brief />
          ))}
        </>
      )}
      {view.whatsNext.length > 0 && (
        <>
          <h2>What’s next</h2>
          <DatedLines lines={view.whatsNext} />
        </>
      )}
      {(view.proposals.length > 0 || view.timeline.length > 0) && (
        <>
          <h2>State of play</h2>
          {view.proposals.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {view.timeline.length > 0 && (
            <>
              <h3>Most recent</h3>
              <DatedLines lines={view.timeline} />
            </>
          )}
          <p>
            <a href={`/topics/${encodeURIComponent(issue.topic)}`}>The full story so far</a>
          </p>
        </>
      )}
    </article>
  );
}

export function IssueList({ issues, topics }: { issues: Issue[]; topics: readonly Topic[] }) {
  return (
    <ul class="plain">
      {issues.map((i) => (
        <li key={i.id}>
          <a href={`/archive/${encodeURIComponent(i.id)}`}>{i.content?.subject ?? i.id}</a>
          <br />
          <span class="muted">
            {i.kind === 'alert' ? 'Alert' : 'Digest'} ·{' '}
            {topics.find((t) => t.id === i.topic)?.title ?? i.topic} · {shortDate(i.createdAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A short subscribe form: the address, with this page's topic already chosen. A page about every topic
 * sends readers to the full form instead (a subscription needs at least one topic).
 */
export function SubscribeBox({ topics, chosen }: { topics: readonly Topic[]; chosen: readonly string[] }) {
  const names = topics.filter((t) => chosen.includes(t.id)).map((t) => t.title);
  return (
    <section class="box" aria-labelledby="subscribe-box">
      <h2 id="subscribe-box" style="margin-top:0">
        Get it by email
      </h2>
      {names.length === 0 ? (
        <p>
          Alerts or a daily or weekly digest on the negotiations you choose.{' '}
          <a href="/">Choose your topics and subscribe</a>.
        </p>
      ) : (
        <>
          <p class="muted">
            A daily digest on {names.join(', ')}. We confirm your address first; every email has a one-click
            unsubscribe link. <a href="/">More choices</a>
          </p>
          <form method="post" action="/subscribe" class="inline">
            <label for="box-email" class="sr">
              Email address
            </label>
            {chosen.map((id) => (
              <input type="hidden" name="topics" value={id} key={id} />
            ))}
            <input type="hidden" name="frequency" value="daily" />
            <input
              type="email"
              id="box-email"
              name="email"
              autocomplete="email"
              required
              maxlength={254}
              placeholder="you@example.org"
            />
            <button type="submit">Subscribe</button>
          </form>
        </>
      )}
    </section>
  );
}
