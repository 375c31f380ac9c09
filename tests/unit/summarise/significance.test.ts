// Significance reads the report's own voice in its lead: quotations and background do not count, and
// the reasons are sentences an editor can read.
import { describe, expect, it } from 'vitest';
import { scoreSignificance } from '../../../functions/domain/summarise/significance';
import { analyseText } from './support';

const sig = (title: string, body: string) => scoreSignificance(analyseText(body, { title, actors: [] }));

describe('scoreSignificance', () => {
  it('alerts on an agreement, a breakdown or a ceasefire, not on commentary', () => {
    expect(
      sig('Accord signed', 'The two foreign ministers signed a border accord in Lisbon on Sunday.').level,
    ).toBe('alert');
    expect(
      sig('Talks collapse', 'The talks broke down on Monday after a shouting match in the hall.').level,
    ).toBe('alert');
    expect(sig('What the talks mean', 'Analysts say the talks could drag on for months.').level).toBe(
      'digest',
    );
  });

  it('does not read "no deal was agreed" as an agreement', () => {
    const s = sig('Talks end', 'The envoys met for five hours on Monday, but no deal was agreed upon.');
    expect(s.reasons).not.toContain('An agreement was signed or reached.');
  });

  it('ignores words inside quotations and background sentences', () => {
    const quoted = sig(
      'Minister speaks',
      'The minister said the goal was "a signed agreement and a lasting ceasefire."',
    );
    expect(quoted.level).toBe('digest');
    const past = sig('Envoys return', 'The two sides previously signed a truce in 2019 that soon collapsed.');
    expect(past.level).toBe('digest');
  });

  it('reads a wish, a demand or a condition as not having happened', () => {
    const s = sig(
      'Sides at odds',
      'Northland wants the guarantees signed before a ceasefire, while Southland says a truce must come first.',
    );
    expect(s.level).toBe('digest');
    expect(s.reasons).toEqual([]);
  });

  it('needs a ceasefire to be agreed or to take effect, not only named', () => {
    expect(sig('Truce', 'The two armies agreed on Sunday to a ceasefire along the river.').level).toBe(
      'alert',
    );
    expect(sig('Truce', 'A truce between the two armies took effect at midnight.').level).toBe('alert');
    expect(
      sig('Talks', 'Envoys discussed the order of a future ceasefire and of the guarantees.').level,
    ).toBe('digest');
  });

  it("alerts on a summit or leaders' meeting postponed", () => {
    const s = sig('Summit off', 'A meeting of the two presidents planned for March has been postponed.');
    expect(s.level).toBe('alert');
  });

  it('gives reasons as plain sentences, without scores or rule names', () => {
    const s = sig('Accord signed', 'The two foreign ministers signed a border accord in Lisbon on Sunday.');
    expect(s.reasons.length).toBeGreaterThan(0);
    for (const r of s.reasons) expect(r).toMatch(/^[A-Z][^()+]*\.$/);
  });
});
