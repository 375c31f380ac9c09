// Example props for the templates' PreviewProps (the React Email preview server): static data, so a
// template imports no file system and nothing of this reaches a Lambda bundle beyond a few objects.
// emails/preview-data.ts builds the same shapes from the reports in data/developments for tests and
// scripts.
import type { StateOfPlay } from '../functions/domain/developments/types';
import type { IssueContent, IssueDevelopment } from '../functions/domain/issues/types';

const TOPIC_TITLE = 'US–Russia–Ukraine peace talks';

export const previewLinks = {
  preferencesUrl: 'http://localhost:3000/preferences?token=preview',
  unsubscribeUrl: 'http://localhost:3000/unsubscribe?token=preview',
};

const PUBLISHED = '2025-12-02T18:00:00.000Z';
const TITLE = 'Witkoff meets Putin in Moscow on the revised framework';

export const EXAMPLE_DEVELOPMENT: IssueDevelopment = {
  id: 'example',
  topic: 'us-russia-ukraine',
  title: TITLE,
  url: 'https://talkwatch.example/notes/example',
  source: 'Talkwatch editors',
  publishedAt: PUBLISHED,
  ingestedAt: PUBLISHED,
  sources: [
    { name: 'Talkwatch editors', url: 'https://talkwatch.example/notes/example', publishedAt: PUBLISHED },
  ],
  summary: {
    summary:
      'Steve Witkoff and Jared Kushner met Vladimir Putin in the Kremlin to discuss the revised peace framework.',
    keyPoints: ['No compromise on territory was found, a Kremlin aide said.'],
    quotes: [],
    actors: [],
    events: [{ date: PUBLISHED.slice(0, 10), description: TITLE, participants: [] }],
    outcome: 'No compromise on territory was found, a Kremlin aide said.',
    significance: { score: 0.8, level: 'alert', reasons: ['New round of direct talks'] },
  },
};

export function previewStateOfPlayFrom(developments: IssueDevelopment[]): StateOfPlay {
  return {
    topic: 'us-russia-ukraine',
    timeline: developments.map((d) => ({ ...d.summary.events[0]!, developmentId: d.id })),
    proposals: [
      { name: 'Peace framework', status: 'under negotiation', changedAt: developments[0]!.publishedAt },
    ],
    updatedAt: developments[0]!.publishedAt,
  };
}

export function previewContentFrom(developments: IssueDevelopment[], kind: 'digest' | 'alert'): IssueContent {
  const shown = kind === 'alert' ? developments.slice(0, 1) : developments;
  return {
    topic: 'us-russia-ukraine',
    topicTitle: TOPIC_TITLE,
    subject:
      kind === 'alert' ? `Alert: ${shown[0]!.title}` : `${TOPIC_TITLE}: ${shown.length} new developments`,
    developments: shown,
    stateOfPlay: previewStateOfPlayFrom(developments),
    coveredUntil: shown[0]!.publishedAt,
    ...(kind === 'digest' ? { coveredSince: shown.at(-1)!.publishedAt } : {}),
  };
}
