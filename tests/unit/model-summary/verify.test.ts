// The checks a model's lines pass before use, on a report written for these tests (a fictional
// negotiation) with a small catalogue that spells one person two ways.
import { describe, expect, it } from 'vitest';
import type { ActorEntry } from '../../../functions/domain/catalogue';
import { checkShape } from '../../../functions/domain/model-summary/answer';
import { findNumbers, reportFacts } from '../../../functions/domain/model-summary/report-facts';
import { problemsIn } from '../../../functions/domain/model-summary/verify';
import { ActorMatcher } from '../../../functions/domain/summarise/actors';

const ACTORS: ActorEntry[] = [
  {
    name: 'Elena Varga',
    kind: 'person',
    aliases: ['Varga', 'Elena Vargha', 'Vargha'],
    side: 'Northland',
    roles: [{ title: 'President of Northland' }],
  },
  { name: 'Tomas Brandt', kind: 'person', aliases: ['Brandt'], side: 'Southland', roles: [] },
  { name: 'Marek Holm', kind: 'person', aliases: ['Holm'], side: 'Southland', roles: [] },
];

const REPORT = {
  title: 'Northland and Southland agree to swap prisoners',
  publishedAt: '2025-06-10T12:00:00Z',
  body: [
    'GENEVA — Northland President Elena Varga and Southland negotiator Tomas Brandt agreed on Tuesday to swap 1,200 prisoners, the fourth exchange this year.',
    'The two sides met for nine hours in Geneva, Switzerland, but did not agree to a ceasefire.',
    '"We are not ready to sign a ceasefire today," Brandt told reporters, adding that a third round would open on June 24.',
    "Varga called the talks “difficult but honest”. Mediator Anna Lind, a Swiss diplomat, said the next round's agenda was not settled.",
  ].join('\n'),
};

const facts = reportFacts(REPORT, { actors: ACTORS });
const actors = new ActorMatcher(ACTORS);
const check = (line: string, asName = false) => problemsIn(line, facts, actors, { asName });

describe('names', () => {
  it('accepts the report’s people in any catalogue spelling, with titles and demonyms', () => {
    expect(check('President Vargha and Brandt agreed to swap prisoners.')).toEqual([]);
    expect(check('Swiss mediator Anna Lind said the agenda was not settled.')).toEqual([]);
    expect(check('Southland’s Tomas Brandt met Northland’s leader in Switzerland.')).toEqual([]);
  });

  it('refuses a person the report never names, from the catalogue or not', () => {
    expect(check('Marek Holm welcomed the exchange.')).toEqual([
      'names "Marek Holm", who is not in the report',
    ]);
    expect(check('The exchange was welcomed by Pieter Olsen.')).toEqual([
      'names "Pieter Olsen", which is not in the report',
    ]);
    // A sentence may open on an ordinary word, but not on an unknown name.
    expect(check('Negotiators agreed to swap prisoners.')).toEqual([]);
    expect(check('Olsen welcomed the exchange.')).toEqual(['names "Olsen", which is not in the report']);
  });

  it('refuses two real name words joined into a person nobody is', () => {
    expect(check('Anna Brandt agreed to the swap.')).toEqual([
      'names "Anna Brandt", which is not in the report',
    ]);
    expect(check('Lind Anna mediated.')).toEqual(['names "Lind Anna", which is not in the report']);
  });

  it('checks a quotation’s speaker as a name', () => {
    expect(check('Brandt', true)).toEqual([]);
    expect(check('Olsen', true)).toEqual(['names "Olsen", which is not in the report']);
  });

  it('refuses a place the report does not name', () => {
    expect(check('The sides met in Vienna.')).toEqual(['names "Vienna", which is not in the report']);
  });
});

describe('numbers', () => {
  it('accepts the report’s numbers however they are written', () => {
    expect(check('They agreed to swap 1200 prisoners after nine hours of talks.')).toEqual([]);
    expect(check('It is the fourth exchange, and the two sides will meet for a third round.')).toEqual([]);
  });

  it('refuses numbers the report does not give, and tells counts from ordinals', () => {
    expect(check('They agreed to swap 1,300 prisoners.')).toEqual([
      'gives the number "1,300", which is not in the report',
    ]);
    expect(check('The talks lasted ten hours.')).toEqual([
      'gives the number "ten", which is not in the report',
    ]);
    // "fourth exchange" is in the report; four of anything is not.
    expect(check('Four prisoners were freed.')).toEqual([
      'gives the number "four", which is not in the report',
    ]);
  });

  it('reads digits, words and compounds', () => {
    expect(
      findNumbers('a 28-point plan, twenty-five seats, 1,200 men, the 4th round, 3.5%').map((n) => n.value),
    ).toEqual(['28', '25', '1200', '4th', '3.5']);
  });
});

describe('dates', () => {
  it('accepts a date as the report writes it, or the same day written otherwise', () => {
    expect(check('A third round opens on June 24.')).toEqual([]);
    expect(check('A third round opens on 24 June.')).toEqual([]);
    // The report's "Tuesday" is 10 June 2025.
    expect(check('The swap was agreed on June 10.')).toEqual([]);
  });

  it('refuses a date the report does not give', () => {
    expect(check('A third round opens on June 25.')).toEqual([
      'gives the date "June 25", which is not in the report',
    ]);
    expect(check('They met on Wednesday.')).toEqual([
      'gives the date "Wednesday", which is not in the report',
    ]);
  });
});

describe('quotations', () => {
  it('accepts the report’s words in any quotation marks, letter case aside, with elisions', () => {
    expect(check('Brandt said: "We are not ready to sign a ceasefire."')).toEqual([]);
    expect(check('Varga called the talks "difficult but honest".')).toEqual([]);
    expect(check('Brandt said they were “not ready to sign … today”.')).toEqual([]);
    // Apostrophes are not quotation marks.
    expect(check("Brandt said the sides weren't ready; Varga's aides agreed.")).toEqual([]);
  });

  it('refuses altered words in quotation marks', () => {
    expect(check('Brandt said: "We are ready to sign a ceasefire today."')).toEqual([
      `quotes "We are ready to sign a ceasefire today.", which is not the report's wording`,
    ]);
    expect(check('Varga called the talks ‘difficult and dishonest’.')).toEqual([
      `quotes "difficult and dishonest", which is not the report's wording`,
    ]);
  });
});

describe('the answer’s shape', () => {
  const answer = {
    headline: 'Northland and Southland agreed to swap prisoners.',
    keyPoints: ['a', 'b', 'c'],
    whatsNext: null,
    speakers: [{ quote: 1, speaker: 'Brandt' }],
  };

  it('accepts the record_summary shape', () => {
    expect(checkShape(answer, 2)).toMatchObject({ ok: true });
  });

  it('refuses missing or extra fields, too few key points, quotations not listed or given twice', () => {
    const { whatsNext: _, ...missing } = answer;
    expect(checkShape(missing, 2)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^the answer does not fit the record_summary shape: whatsNext: /),
    });
    expect(checkShape({ ...answer, quotes: [] }, 2)).toMatchObject({ ok: false });
    expect(checkShape({ ...answer, keyPoints: ['a', 'b'] }, 2)).toMatchObject({ ok: false });
    expect(checkShape({ ...answer, speakers: [{ quote: 3, speaker: 'Brandt' }] }, 2)).toEqual({
      ok: false,
      reason: 'the answer gives a speaker for quotation 3, but only 2 were listed',
    });
    expect(
      checkShape(
        {
          ...answer,
          speakers: [
            { quote: 1, speaker: 'Brandt' },
            { quote: 1, speaker: null },
          ],
        },
        2,
      ),
    ).toEqual({ ok: false, reason: 'the answer gives quotation 1 two speakers' });
  });
});
