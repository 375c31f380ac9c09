// The rules that decide what a reader sees, on hand-written cases: quotes, key points, why it matters,
// what's next, one line per happening, proposals in plain words, stale reports and forward-only status.
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../functions/catalogue-data';
import { isBackground } from '../../../functions/domain/developments/freshness';
import { parseDevelopmentInput, topicOf } from '../../../functions/domain/developments/input';
import { supersedes } from '../../../functions/domain/developments/state-of-play';
import type { StateOfPlay, TimelineEvent } from '../../../functions/domain/developments/types';
import { subjectFor } from '../../../functions/domain/issues/content';
import {
  firstSentence,
  lineDate,
  onePerHappening,
  pickKeyPoints,
  pickQuotes,
  presentIssue,
  proposalLine,
  whatsNext,
  wholeText,
  whyItMatters,
} from '../../../functions/domain/issues/presentation';
import type { IssueDevelopment } from '../../../functions/domain/issues/types';
import { sampleDevelopment } from '../../support/development-store-contract';

const dev = (summary: Partial<IssueDevelopment['summary']>, extra: Partial<IssueDevelopment> = {}) => {
  const d = sampleDevelopment(extra as never);
  return { ...d, summary: { ...d.summary, ...summary } } as IssueDevelopment;
};
const event = (date: string, description: string, extra: Partial<TimelineEvent> = {}): TimelineEvent => ({
  date,
  description,
  participants: [],
  ...extra,
});

describe('quotes', () => {
  it('shows named speakers only, whole remarks only, two voices before anyone twice, at most two', () => {
    const d = dev({
      summary: 'Envoys met in Moscow.',
      quotes: [
        { speaker: null, text: 'in the coming days.' },
        { speaker: null, text: 'we will keep working on the plan together' },
        { speaker: 'Yuri Ushakov', text: 'No compromise version has been found so far' },
        { speaker: 'Yuri Ushakov', text: 'Some American proposals look acceptable to us' },
        { speaker: 'Volodymyr Zelensky', text: 'Everything depends on today’s discussions' },
        { speaker: 'Dmitry Peskov', text: 'useful' },
      ],
    });
    expect(pickQuotes(d)).toEqual([
      { speaker: 'Yuri Ushakov', text: 'No compromise version has been found so far' },
      { speaker: 'Volodymyr Zelensky', text: 'Everything depends on today’s discussions' },
    ]);
  });

  it('never repeats a remark the summary already quotes', () => {
    const d = dev({
      summary: 'The envoy called the session "long, frank and worth the journey" but no deal was reached.',
      quotes: [{ speaker: 'Rafael Ortiz', text: 'long, frank and worth the journey' }],
    });
    expect(pickQuotes(d)).toEqual([]);
  });
});

describe('key points', () => {
  it('keep only what adds to the summary: no repeat of it, no repeat of a quote, no line cut mid-phrase', () => {
    const d = dev({
      summary: 'Witkoff met Putin in Moscow on Tuesday. No deal was reached.',
      quotes: [{ speaker: 'Yuri Ushakov', text: 'No compromise version has been found so far' }],
      keyPoints: [
        'Witkoff met Putin in Moscow on Tuesday.',
        'Ushakov said: "No compromise version has been found so far."',
        'Zelensky is expected to travel to Berlin, where European leaders will discuss the revised peace…',
        'Kushner joined the talks for the first time.',
      ],
    });
    expect(pickKeyPoints(d, pickQuotes(d), 3)).toEqual([
      'Zelensky is expected to travel to Berlin.',
      'Kushner joined the talks for the first time.',
    ]);
  });
});

describe('text that never stops mid-phrase', () => {
  it('cuts back to the last whole clause, and drops a date stub', () => {
    expect(
      wholeText(
        'They met a delegation in Hallandale Beach, Florida, on Nov. 30 to keep working on the revised peace…',
      ),
    ).toBe('They met a delegation in Hallandale Beach, Florida.');
    expect(wholeText('Trump gave Ukraine until Nov. 27 to accept the plan.')).toBe(
      'Trump gave Ukraine until Nov. 27 to accept the plan.',
    );
  });

  it('finds the first sentence past abbreviations', () => {
    expect(firstSentence('U.S. Special Envoy Steve Witkoff met Putin on Dec. 2. Ushakov spoke.')).toBe(
      'U.S. Special Envoy Steve Witkoff met Putin on Dec. 2.',
    );
  });
});

describe('why it matters', () => {
  it('shows the first reason when it is a sentence for people, never a score or a rule name', () => {
    const reasons = (r: string[]) => dev({ significance: { score: 5, level: 'alert', reasons: r } });
    expect(whyItMatters(reasons(['A new or revised proposal was put on the table.', 'Second.']))).toBe(
      'A new or revised proposal was put on the table.',
    );
    expect(whyItMatters(reasons(['proposal drafted or revised (+4)']))).toBeUndefined();
    expect(whyItMatters(reasons([]))).toBeUndefined();
  });
});

describe("what's next and the timeline", () => {
  const state: StateOfPlay = {
    topic: 't',
    updatedAt: '2025-12-02',
    proposals: [
      {
        key: 'framework',
        name: 'peace framework',
        status: 'revised',
        changedAt: '2025-11-30',
        developmentId: 'a',
      },
    ],
    timeline: [
      {
        ...event('2025-11-30', 'Delegations met in Hallandale Beach.', { place: 'Hallandale Beach' }),
        developmentId: 'a',
      },
      { ...event('2025-12-10', 'Leaders to meet in Berlin.', { upcoming: true }), developmentId: 'b' },
    ],
  };

  it('shows a month the report named without a day as the month, and a week as "week of"', () => {
    expect(lineDate({ date: '2025-03' })).toBe('Mar 2025');
    expect(lineDate({ date: '2025-03-17' })).toBe('17 Mar 2025');
    const [line] = onePerHappening([event('2026-03-16', 'Talks resume in Geneva.', { approximate: true })]);
    expect(lineDate(line!)).toBe('week of 16 Mar 2026');
  });

  it('lists upcoming events soonest first, only those still ahead, once each', () => {
    const d = dev({
      events: [
        event('2025-12-20', 'A vote in the Rada.', { upcoming: true, kind: 'vote' }),
        event('2025-12-10', 'Leaders to meet in Berlin.', { upcoming: true }),
        event('2025-11-01', 'An old deadline.', { upcoming: true, kind: 'deadline' }),
        event('2025-12-01', 'Talks held in Florida.'),
      ],
    });
    expect(whatsNext([d], state, '2025-12-02T10:00:00Z').map((l) => l.description)).toEqual([
      'Leaders to meet in Berlin.',
      'A vote in the Rada.',
    ]);
  });

  it('shows one line per happening: one sentence naming several dates once, one entry a day', () => {
    const sentence = 'Earlier sessions, held on Feb. 11, March 13 and April 11, each lasted hours.';
    const lines = onePerHappening([
      event('2025-02-11', sentence),
      event('2025-03-13', sentence),
      event('2025-04-11', sentence),
      event('2025-12-02', 'Axios reported that the envoys were expected in Europe.', { kind: 'statement' }),
      event('2025-12-02', 'Witkoff met Putin in the Kremlin.', { kind: 'meeting', place: 'Moscow' }),
    ]);
    expect(lines).toEqual([
      { date: '2025-12-02', description: 'Witkoff met Putin in the Kremlin.', place: 'Moscow' },
      { date: '2025-04-11', description: sentence },
    ]);
  });

  it('says where each proposal stands in plain words', () => {
    expect(proposalLine(state.proposals[0]!, state)).toBe(
      'Peace framework — revised on 30 Nov 2025 in Hallandale Beach',
    );
  });

  it('has a digest lead with the newest alert-worthy news and a subject naming topic and lead', () => {
    const older = dev(
      { significance: { score: 9, level: 'alert', reasons: [] } },
      { id: 'old', title: 'Older alert', publishedAt: '2025-11-30T00:00:00Z' },
    );
    const newer = dev(
      { significance: { score: 2, level: 'alert', reasons: [] } },
      { id: 'new', title: 'Moscow meeting ends without a deal.', publishedAt: '2025-12-02T00:00:00Z' },
    );
    const minor = dev({}, { id: 'minor', title: 'Minor', publishedAt: '2025-12-03T00:00:00Z' });
    const late = dev(
      {},
      { id: 'late', title: 'Late copy', publishedAt: '2025-11-01T00:00:00Z', background: true },
    );
    const all = [minor, older, late, newer];
    expect(subjectFor('digest', 'Ukraine talks', all as never)).toBe(
      'Ukraine talks: Moscow meeting ends without a deal, +3 more',
    );
    const view = presentIssue('digest', {
      topic: 't',
      topicTitle: 'T',
      subject: '',
      developments: all,
      coveredUntil: '2025-12-03T00:00:00Z',
    });
    expect(view.news.map((d) => d.id)).toEqual(['new', 'old', 'minor']);
    expect(view.background.map((d) => d.id)).toEqual(['late']);
    expect(view.bigPicture[1]).toBe('Also: Older alert; Minor; and 1 more.');
  });
});

describe('stale reports and forward-only state', () => {
  it('a report more than a day older than the latest known one is background', () => {
    expect(isBackground('2025-11-30T20:00:00Z', '2025-12-02T21:00:00Z')).toBe(true);
    expect(isBackground('2025-12-02T09:00:00Z', '2025-12-02T21:00:00Z')).toBe(false);
    expect(isBackground('2025-12-03T09:00:00Z', '2025-12-02T21:00:00Z')).toBe(false);
    expect(isBackground('2020-01-01T00:00:00Z', undefined)).toBe(false);
  });

  it('a proposal status never moves back in time, nor back a stage', () => {
    const revised30 = { status: 'revised', changedAt: '2025-11-30' };
    expect(supersedes({ status: 'revised', changedAt: '2025-11-24' }, revised30)).toBe(false);
    expect(supersedes({ status: 'accepted', changedAt: '2025-11-24' }, revised30)).toBe(false);
    expect(supersedes({ status: 'proposed', changedAt: '2025-12-02' }, revised30)).toBe(false);
    expect(supersedes({ status: 'revised', changedAt: '2025-12-02' }, revised30)).toBe(true);
    expect(supersedes({ status: 'accepted', changedAt: '2025-11-30' }, revised30)).toBe(true);
    expect(supersedes(revised30, revised30)).toBe(false);
  });

  it('ingest refuses an unknown topic, naming the known ones', () => {
    const input = parseDevelopmentInput({
      title: 'Talks on Mars',
      url: 'https://example.org/mars',
      publishedAt: '2025-12-02T00:00:00Z',
      topic: 'mars-talks',
      body: 'A long enough body of text about talks that do not exist anywhere at all.',
    });
    expect(() => topicOf(loadCatalogue(), input)).toThrow(
      'topic: unknown topic "mars-talks"; known topics: us-russia-ukraine, us-china-trade, india-pakistan, drc-rwanda',
    );
  });
});
