import { describe, expect, it } from 'vitest';
import { ACTORS } from '../../../functions/domain/developments/catalogue';
import { ActorMatcher } from '../../../functions/domain/summarise/actors';
import { compress } from '../../../functions/domain/summarise/compress';
import { fullNamesOnFirstMention } from '../../../functions/domain/summarise/headline';

describe('compress', () => {
  it.each([
    [
      'Rustem Umerov, the secretary of the Security Council, and Andrii Hnatov, the army chief, are due to brief Zelensky.',
      2,
      'Rustem Umerov and Andrii Hnatov are due to brief Zelensky.',
    ],
    [
      'The five-hour meeting, originally set for 5 p.m. local time, began late, as Putin attended a forum.',
      3,
      'The five-hour meeting began late.',
    ],
    [
      'Axios reported on Dec. 2 that after their trip, Kushner and Witkoff were expected to meet Zelensky.',
      3,
      'After their trip, Kushner and Witkoff were expected to meet Zelensky.',
    ],
    [
      "Kirill Dmitriev is travelling to Miami to meet Trump's son-in-law Jared Kushner, Reuters reported on Dec. 20, citing a source.",
      3,
      'Kirill Dmitriev is travelling to Miami to meet Jared Kushner.',
    ],
    [
      'Peskov denied that Putin rejected the plan, claiming that some parts were accepted.',
      3,
      'Peskov denied that Putin rejected the plan.',
    ],
  ] as const)('%s (level %i)', (input, level, expected) => {
    expect(compress(input, level)).toBe(expected);
  });

  it('keeps a list of names and anything inside a quotation', () => {
    const list = 'Those talks involved Witkoff, Marco Rubio, and Kushner, who met a delegation in Florida.';
    expect(compress(list, 3)).toContain('Witkoff, Marco Rubio, and Kushner');
    const quoted = '"We met, as agreed, in Geneva, which was useful," Rubio said.';
    expect(compress(quoted, 3)).toBe(quoted);
  });
});

describe('full names on first mention', () => {
  const actors = new ActorMatcher(ACTORS);
  it('spells out the first mention only, and leaves a name already in full', () => {
    expect(fullNamesOnFirstMention("Witkoff met Putin's aides. Witkoff left.", actors)).toBe(
      "Steve Witkoff met Vladimir Putin's aides. Witkoff left.",
    );
    expect(fullNamesOnFirstMention('A plan by the Trump administration. Trump spoke.', actors)).toBe(
      'A plan by the Trump administration. Donald Trump spoke.',
    );
    expect(fullNamesOnFirstMention('President Vladimir Putin met Steve Witkoff.', actors)).toBe(
      'President Vladimir Putin met Steve Witkoff.',
    );
  });
});
