// Helpers for the summariser's layer tests: analyse hand-written text with a small catalogue (or none).
// Sentences here are written for these tests; none is copied from the evaluation articles.

import type { ActorEntry } from '../../../functions/domain/catalogue';
import { ActorMatcher } from '../../../functions/domain/summarise/actors';
import { type Analysis, analyse } from '../../../functions/domain/summarise/analysis';
import { extractQuotes } from '../../../functions/domain/summarise/quotes';

/** A fictional negotiation's catalogue, with roles that change over time. */
export const CATALOGUE: ActorEntry[] = [
  {
    name: 'Elena Varga',
    kind: 'person',
    aliases: ['Varga'],
    side: 'Northland',
    country: 'Northland',
    roles: [{ title: 'President of Northland', from: '2024-01' }],
  },
  {
    name: 'Tomas Brandt',
    kind: 'person',
    aliases: ['Brandt'],
    side: 'Southland',
    country: 'Southland',
    roles: [
      { title: 'Chancellor of Southland', from: '2021-01', to: '2025-04' },
      { title: 'Southland opposition leader', from: '2025-05' },
    ],
  },
  {
    name: 'Ines Moreau',
    kind: 'person',
    aliases: ['Moreau'],
    side: 'Southland',
    country: 'Southland',
    roles: [{ title: 'Chancellor of Southland', from: '2025-05' }],
  },
  {
    name: 'the Citadel',
    kind: 'organisation',
    aliases: ['Citadel'],
    side: 'Northland',
    country: 'Northland',
    roles: [{ title: 'Northland presidency' }],
  },
  {
    name: 'Wire Service',
    kind: 'media',
    aliases: [],
    side: null,
    country: null,
    roles: [{ title: 'news outlet' }],
  },
];

export function analyseText(
  body: string,
  options: { title?: string; publishedAt?: string; actors?: ActorEntry[] } = {},
): Analysis {
  return analyse(
    { title: options.title ?? 'Talks', body, publishedAt: options.publishedAt ?? '2025-06-10T12:00:00Z' },
    new ActorMatcher(options.actors ?? CATALOGUE),
  );
}

export function quotesOf(body: string, options: Parameters<typeof analyseText>[1] = {}) {
  return extractQuotes(analyseText(body, options));
}

export function speakerOf(body: string, fragment: string, options: Parameters<typeof analyseText>[1] = {}) {
  const q = quotesOf(body, options).find((x) => x.text.includes(fragment));
  if (!q) throw new Error(`no quotation containing "${fragment}"`);
  return q.speaker;
}
