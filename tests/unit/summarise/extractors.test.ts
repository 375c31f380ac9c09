import { describe, expect, it } from 'vitest';
import { ACTORS, catalogueFor } from '../../../functions/domain/developments/catalogue';
import { isNearDuplicate } from '../../../functions/domain/developments/dedupe';
import { foldStateOfPlay } from '../../../functions/domain/developments/state-of-play';
import type { StateOfPlay } from '../../../functions/domain/developments/types';
import { ActorMatcher } from '../../../functions/domain/summarise/actors';
import { extractEvents } from '../../../functions/domain/summarise/events';
import { findProposals } from '../../../functions/domain/summarise/proposals';
import { splitSentences } from '../../../functions/domain/summarise/sentences';
import { scoreSignificance } from '../../../functions/domain/summarise/significance';
import { summarise } from '../../../functions/domain/summarise/summarise';
import { wordCount } from '../../../functions/domain/summarise/text';

const actors = new ActorMatcher(ACTORS);
const pub = new Date('2025-12-02T18:00:00Z');

describe('actors', () => {
  it('matches every spelling to one actor with side, and never inside a word', () => {
    const found = actors.mentions(
      "Zelenskiy met Macron. Zelenskyy later called Volodymyr Zelensky's aides. Xiaomi Trumpet.",
    );
    expect(found).toEqual([
      { name: 'Volodymyr Zelensky', side: 'Ukraine', role: 'President of Ukraine' },
      { name: 'Emmanuel Macron', side: 'Europe', role: 'President of France' },
    ]);
  });
});

describe('events', () => {
  it('dates meetings with place and participants, not at Mar-a-Lago as a date', () => {
    const events = extractEvents(
      ['Witkoff and Umerov held another meeting in Florida on Dec. 1.', 'Zelensky flew to Mar-a-Lago.'],
      pub,
      actors,
    );
    expect(events).toEqual([
      expect.objectContaining({
        date: '2025-12-01',
        place: 'Florida',
        participants: ['Steve Witkoff', 'Rustem Umerov'],
        kind: 'meeting',
      }),
    ]);
  });
});

describe('significance', () => {
  it("ranks an agreement and a leaders' meeting above commentary", () => {
    const deal = scoreSignificance(
      'Putin and Zelensky sign ceasefire agreement',
      ['Putin and Zelensky met in Istanbul and signed a ceasefire.'],
      actors,
    );
    const comment = scoreSignificance(
      'What the talks mean',
      ['Analysts say the talks could drag on for months.'],
      actors,
    );
    expect(deal.level).toBe('alert');
    expect(deal.reasons.join(' ')).toMatch(/agreement reached.*|ceasefire step/);
    expect(comment.level).toBe('digest');
    expect(deal.score).toBeGreaterThan(comment.score);
  });

  it('does not read "no deal was agreed" as an agreement', () => {
    const s = scoreSignificance('Talks end', ['Ushakov said no concrete deal was agreed upon.'], actors);
    expect(s.reasons.join(' ')).not.toMatch(/agreement reached/);
  });
});

describe('proposals and state of play', () => {
  it('keeps the latest status of each plan with the date it changed', () => {
    const first = findProposals(
      ['The 28-point plan was unveiled in Kyiv.'],
      new Date('2025-11-20T00:00:00Z'),
    );
    const second = findProposals(
      ['The parties revised the 28-point plan into a 19-point framework.'],
      new Date('2025-11-24T00:00:00Z'),
    );
    let state: StateOfPlay = { topic: 't', timeline: [], proposals: [], updatedAt: '' };
    state = foldStateOfPlay(
      state,
      { id: 'a', publishedAt: '2025-11-20', summary: { events: [] } },
      first,
      'x',
    );
    state = foldStateOfPlay(
      state,
      { id: 'b', publishedAt: '2025-11-24', summary: { events: [] } },
      second,
      'y',
    );
    const plan = state.proposals.find((p) => p.key === '28-point');
    expect(plan).toMatchObject({ status: 'revised', changedAt: '2025-11-24', developmentId: 'b' });
    expect(state.proposals.find((p) => p.key === '19-point')).toMatchObject({ name: '19-point framework' });
  });
});

describe('near duplicates', () => {
  const a = {
    title: 'Witkoff meets Putin',
    body: 'U.S. envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Tuesday for five hours of talks on the U.S. peace plan, and no deal was reached, a Kremlin aide said after the meeting ended late at night.',
  };
  it('merges a lightly edited copy but not a different story', () => {
    expect(
      isNearDuplicate(a, {
        title: 'Putin hosts Witkoff',
        body: a.body.replace('late at night', 'after midnight'),
      }),
    ).toBe(true);
    expect(
      isNearDuplicate(a, {
        title: 'Zelensky calls Witkoff',
        body: 'Ukrainian President Volodymyr Zelensky held a long phone call with Witkoff and Kushner on Saturday and said both sides agreed on next steps for talks.',
      }),
    ).toBe(false);
  });
});

describe('summarise', () => {
  it('writes a 2–3 sentence headline of at most 70 words and 3–5 key points', () => {
    const body = [
      'U.S. Special Envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Dec. 2 for talks on the U.S. peace plan.',
      'Kremlin aide Yuri Ushakov called the five-hour meeting "useful" but said no concrete deal was agreed upon.',
      'Witkoff was joined by Jared Kushner, and the two were expected to meet Zelensky in Europe afterwards.',
      '"The work will continue," Ushakov said.',
      'Kremlin spokesperson Dmitry Peskov said some parts of the proposal were accepted and some were not.',
      'Zelensky said on Dec. 2 that the next steps depend on the signals from Moscow.',
    ].join(' ');
    const s = summarise(
      { title: 'Witkoff-Putin talks end without a deal', body, publishedAt: pub.toISOString() },
      { catalogue: catalogueFor('us-russia-ukraine') },
    );
    expect(wordCount(s.summary)).toBeLessThanOrEqual(70);
    const sentences = splitSentences(s.summary);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(3);
    expect(s.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(s.keyPoints.length).toBeLessThanOrEqual(5);
    expect(s.summary).toContain('Witkoff');
    expect(s.outcome).toMatch(/deal/);
    expect(s.quotes).toContainEqual({ speaker: 'Yuri Ushakov', text: 'The work will continue' });
    expect(s.events.map((e) => e.date)).toContain('2025-12-02');
  });
});
