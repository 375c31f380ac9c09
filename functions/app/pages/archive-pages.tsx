/** @jsxImportSource hono/jsx */
// The public record's pages on the shared layout: the list of past issues, one issue as readers got it,
// and a topic's story so far (what's next, state of play, timeline, recent issues).
import type { StateOfPlay } from '../../domain/developments/types';
import { type DatedLine, proposalLine } from '../../domain/issues/presentation';
import type { Issue } from '../../domain/issues/types';
import type { Topic } from '../../domain/subscribers/topics';
import { DatedLines, IssueArticle, IssueList, SubscribeBox } from './issue-view';
import { Page, render } from './layout';

export function archivePage(props: {
  title: string;
  /** The one topic shown, when the list is filtered to it. */
  topic?: Topic | undefined;
  topics: readonly Topic[];
  issues: Issue[];
}) {
  const { title, topic, topics, issues } = props;
  return render(
    <Page
      title={title}
      noindex={false}
      {...(topic
        ? { feed: { href: `/feed.xml?topic=${topic.id}`, title: `Talkwatch: ${topic.title}` } }
        : {})}
    >
      <h1>{title}</h1>
      <p class="muted">
        Every alert and digest that went to readers, newest first.{' '}
        {topics.map((t, i) => (
          <span key={t.id}>
            {i > 0 ? ' · ' : ''}
            <a href={`/archive?topic=${t.id}`}>{t.shortTitle ?? t.title}</a>
          </span>
        ))}
      </p>
      {issues.length === 0 ? (
        <p>Nothing has been sent yet.</p>
      ) : (
        <IssueList issues={issues} topics={topics} />
      )}
      <SubscribeBox topics={topics} chosen={topic ? [topic.id] : []} />
    </Page>,
  );
}

export function issuePage(issue: Issue, topics: readonly Topic[]) {
  return render(
    <Page title={issue.content!.subject} noindex={false}>
      <IssueArticle issue={issue} />
      <SubscribeBox topics={topics} chosen={[issue.topic]} />
    </Page>,
  );
}

export function storyPage(props: {
  topic: Topic;
  topics: readonly Topic[];
  state: StateOfPlay | undefined;
  next: DatedLine[];
  timeline: DatedLine[];
  issues: Issue[];
}) {
  const { topic, topics, state, next, timeline, issues } = props;
  return render(
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
        <IssueList issues={issues} topics={topics} />
      ) : (
        <p class="muted">Nothing has been sent yet.</p>
      )}
      <SubscribeBox topics={topics} chosen={[topic.id]} />
    </Page>,
  );
}
