// Shorter versions of a sentence stay whole sentences: only asides, openers and closing attributions
// are cut, never inside a quotation, never with "…".
import { describe, expect, it } from 'vitest';
import { stripDateline } from '../../../functions/domain/summarise/dateline';
import { trim, trimVariants } from '../../../functions/domain/summarise/trim';
import { analyseText } from './support';

const NONE = { actors: [] };
const level = (text: string, l: 1 | 2 | 3) => trim(analyseText(text, NONE).sentences[0]!, l);

describe('trim', () => {
  it('drops an opening connective or a time that leans on the sentence before', () => {
    expect(level('Meanwhile, the two delegations agreed on a timetable for the next round.', 1)).toBe(
      'The two delegations agreed on a timetable for the next round.',
    );
    expect(level('Hours later, the ministry published the full text of the accord online.', 1)).toBe(
      'The ministry published the full text of the accord online.',
    );
  });

  it('drops a relative clause or a description set off by commas', () => {
    expect(level('Rafael Ortiz, who chaired both rounds, said the text was nearly final.', 2)).toBe(
      'Rafael Ortiz said the text was nearly final.',
    );
    expect(level('Nadia Haddad, the chief mediator, and Omar Said signed the protocol in Valletta.', 2)).toBe(
      'Nadia Haddad and Omar Said signed the protocol in Valletta.',
    );
  });

  it('drops a closing attribution to an outlet and a closing participle clause', () => {
    expect(
      level('The envoy will travel to the capital on Friday, the Evening Herald reported, citing aides.', 2),
    ).toBe('The envoy will travel to the capital on Friday.');
    expect(
      level('The ministry denied that the talks had failed, claiming that most points were settled.', 3),
    ).toBe('The ministry denied that the talks had failed.');
  });

  it('never cuts inside a quotation and keeps the verb', () => {
    const text = 'Ortiz said the deal was "done, finished, and signed — at last" on Monday.';
    for (const l of [1, 2, 3] as const)
      expect(level(text, l)).toContain('"done, finished, and signed — at last"');
  });

  it('never ends a line with an ellipsis', () => {
    const s = analyseText(
      'Officials from both sides met for nine hours in the border town on Tuesday to discuss water rights, grazing land, fishing quotas, customs posts, the release of detainees, the return of displaced families and a timetable for withdrawing troops from the disputed valley.',
      NONE,
    ).sentences[0]!;
    for (const v of trimVariants(s)) expect(v.text).not.toMatch(/…|\.\.\.$/);
  });
});

describe('datelines', () => {
  it.each([
    ['VALLETTA, Malta — The talks resumed.', 'The talks resumed.'],
    ['Lisbon (AP) — Envoys met again.', 'Envoys met again.'],
    ['OSLO, March 3 (Reuters) - A deal was near.', 'A deal was near.'],
    ['NAIROBI — Both sides signed.', 'Both sides signed.'],
  ])('%s', (line, expected) => {
    expect(stripDateline(line)).toBe(expected);
  });

  it('leaves sentences that only look like one', () => {
    expect(stripDateline('NATO — the alliance — met.')).toBe('NATO — the alliance — met.');
    expect(stripDateline('The US — and its allies — agreed.')).toBe('The US — and its allies — agreed.');
  });
});
