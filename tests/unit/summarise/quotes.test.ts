import { describe, expect, it } from 'vitest';
import { ACTORS } from '../../../functions/domain/developments/catalogue';
import { ActorMatcher } from '../../../functions/domain/summarise/actors';
import { extractQuotes } from '../../../functions/domain/summarise/quotes';
import { splitSentences } from '../../../functions/domain/summarise/sentences';

const actors = new ActorMatcher(ACTORS);
const quotes = (text: string) => extractQuotes(splitSentences(text), actors);

describe('extractQuotes', () => {
  it('attributes "…," X said and said X to the canonical name', () => {
    expect(quotes('"The work will continue," Ushakov said.')).toEqual([
      { speaker: 'Yuri Ushakov', text: 'The work will continue' },
    ]);
    expect(quotes('"We are ready to meet," said Zelenskyy.')).toEqual([
      { speaker: 'Volodymyr Zelensky', text: 'We are ready to meet' },
    ]);
  });

  it('skips a title between the name and "said"', () => {
    expect(quotes('"No decision yet," Peskov, the Kremlin spokesman, said.')[0]?.speaker).toBe(
      'Dmitry Peskov',
    );
    expect(quotes('Peskov, the Kremlin spokesman, said: "No decision yet."')[0]?.speaker).toBe(
      'Dmitry Peskov',
    );
    expect(
      quotes('Ushakov, who took part in the talks, called it "very useful and constructive."')[0]?.speaker,
    ).toBe('Yuri Ushakov');
  });

  it('reads according to X, and attribution phrases that are not people', () => {
    expect(
      quotes('According to the White House readout, Rubio stressed "Ukraine\'s sovereignty and security."')[0]
        ?.speaker,
    ).toBe('White House readout');
    expect(
      quotes('A Russian source told the agency that "three-way contacts are not planned."')[0]?.speaker,
    ).toBe('Russian source');
  });

  it('continues the last speaker through a pronoun and a partial quote in reported speech', () => {
    const found = quotes(
      'Dmitriev posted on X that he was "on the way to Miami." "Light is breaking through the clouds," he wrote.',
    );
    expect(found.map((q) => q.speaker)).toEqual(['Kirill Dmitriev', 'Kirill Dmitriev']);
  });

  it('leaves a quote it cannot attribute unattributed instead of guessing', () => {
    expect(
      quotes('Putin met Witkoff. The mood was described in the press as "tense but useful."')[0],
    ).toEqual({
      speaker: null,
      text: 'tense but useful.',
    });
    expect(
      quotes('Putin met Witkoff. "Nothing is agreed until everything is agreed."')[0]?.speaker,
    ).toBeNull();
    expect(quotes('"It went well," she said.')[0]?.speaker).toBeNull();
  });
});
