// The public record: past issues (the web version every email links to), each topic's story so far,
// and an Atom feed of the issues. Only issues that went to at least one reader appear (see
// domain/issues/archive.ts). The pages are in pages/archive-pages.tsx (Hono JSX, not React).
import { Feed } from 'feed';
import { type Context, Hono } from 'hono';
import { escapeHtml } from '../../domain/delivery/personalise';
import { isPublished, listPublished } from '../../domain/issues/archive';
import { presentIssue, recentTimeline, whatsNext } from '../../domain/issues/presentation';
import { isIssueId } from '../../domain/issues/request';
import type { Topic } from '../../domain/subscribers/topics';
import { archivePage, issuePage, storyPage } from '../pages/archive-pages';
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
    return c.html(archivePage({ title, topic: topic ? shown[0] : undefined, topics: all, issues }));
  })
  .get('/archive/:id', async (c) => {
    // An id that cannot be an issue's (a 5,000-character path) is not asked of the store.
    const id = c.req.param('id');
    const issue = isIssueId(id) ? await c.get('deps').issues.get(id) : undefined;
    if (!issue || !isPublished(issue))
      return c.html(notFoundPage('This issue does not exist or was never sent.'), 404);
    return c.html(issuePage(issue, c.get('deps').topics));
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
    return c.html(storyPage({ topic, topics: deps.topics, state, next, timeline, issues }));
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
