// The mention and reference layers: who a report names, from the catalogue or from the text alone.
import { describe, expect, it } from 'vitest';
import { rolesAt } from '../../../functions/domain/summarise/roles';
import { analyseText, CATALOGUE } from './support';

const NONE = { actors: [] };
const people = (body: string, options = NONE) =>
  analyseText(body, options)
    .entities.filter((e) => e.kind === 'person' && !e.partial)
    .map((e) => e.name);

describe('people the text introduces', () => {
  it('reads a name after a title, a role noun, before a description, or next to "said"', () => {
    expect(people('Vice Trade Minister Kofi Mensah arrived early.')).toEqual(['Kofi Mensah']);
    expect(people('Her counterpart Ana Lucia Ferreira signed first.')).toEqual(['Ana Lucia Ferreira']);
    expect(people('Rafael Ortiz, the chief mediator, opened the session.')).toEqual(['Rafael Ortiz']);
    expect(people('The talks are over, said Nadia Haddad.')).toEqual(['Nadia Haddad']);
  });

  it('keeps the body a title is "of" with the title, not with the name after it', () => {
    expect(people('She met Chief of the General Staff Oleg Marten on Friday.')).toEqual(['Oleg Marten']);
    expect(people('Head of the Presidential Office Rita Kallio signed the letter.')).toEqual(['Rita Kallio']);
  });

  it('reads a union branch or a party named after a country as a body, not a person', () => {
    expect(
      people(
        '"The strike is over," the Harbour Component of the National Union of Rail Workers told members on Monday.',
      ),
    ).toEqual([]);
    expect(
      people(
        'The Liberals and Forward UK condemned the deal. Forward UK leader Nina Hale said it was a "sell-out".',
      ),
    ).toEqual(['Nina Hale']);
  });

  it("reads a full name owning a person's role or office as a person's, and a listed name as no apposition", () => {
    const a = analyseText(
      'The talks were attended by the foreign minister, Rita Lund, and Kari Holm\'s special envoy, Omar Tal. "Nothing is settled," Holm said later.',
      NONE,
    );
    const holm = a.entities.find((e) => e.name === 'Kari Holm');
    expect(holm?.kind).toBe('person');
    expect(a.entities.find((e) => e.name === 'Rita Lund')?.roles.join(';')).not.toContain('envoy');
  });

  it('keeps a name that looks like a pronoun after a title', () => {
    expect(people('Vice Premier He Jun met the envoys.')).toEqual(['He Jun']);
  });

  it('does not take places, bodies, outlets or platforms for people', () => {
    const names = people(
      'Delegates from Blue River Commission met at Harbour Palace and posted on Truth Social, the Evening Herald said.',
    );
    expect(names).toEqual([]);
  });

  it('knows a person from the rest of the report even when a sentence gives no title', () => {
    const a = analyseText('It was a big Oscar Lind surprise. Lind had promised nothing of the kind.', NONE);
    expect(a.entities.find((e) => e.name === 'Oscar Lind')?.kind).toBe('person');
  });

  it('links a surname to the full name given anywhere in the report', () => {
    const a = analyseText('Lind spoke first. Later, Foreign Minister Oscar Lind left the room.', NONE);
    const first = a.sentences[0]!.mentions[0]!;
    expect(first.entity?.name).toBe('Oscar Lind');
  });

  it('marks journalists as reporters, never as actors', () => {
    const a = analyseText('Radio correspondent Pia Berg reported the news on Monday.', NONE);
    expect(a.entities.find((e) => e.name === 'Pia Berg')?.reporter).toBe(true);
  });
});

describe('roles over time', () => {
  it('gives the role held on the day of the report', () => {
    const brandt = CATALOGUE.find((e) => e.name === 'Tomas Brandt')!;
    expect(rolesAt(brandt, '2024-06-01')).toEqual(['Chancellor of Southland']);
    expect(rolesAt(brandt, '2025-09-01')).toEqual(['Southland opposition leader']);
  });

  it('resolves "the chancellor" to whoever held the office that day', () => {
    const resolve = (day: string) =>
      analyseText('The chancellor said talks would go on.', { publishedAt: `${day}T00:00:00Z` }).sentences[0]!
        .speakers[0]?.entity?.name;
    // Nobody named in the text: the catalogue decides, for the day of the report.
    expect(resolve('2024-02-01')).toBeUndefined();
    const explicit = (day: string) =>
      analyseText('The Southland chancellor said talks would go on.', { publishedAt: `${day}T00:00:00Z` })
        .sentences[0]!.speakers[0]?.entity?.name;
    expect(explicit('2024-02-01')).toBe('Tomas Brandt');
    expect(explicit('2025-08-01')).toBe('Ines Moreau');
  });
});

describe('sentence subjects', () => {
  it('skips an opening phrase, a possessor and an aside', () => {
    const subject = (body: string) => analyseText(body, NONE).sentences[0]!.subject?.entity?.name;
    expect(subject('After a long night, Mediator Rafael Ortiz left the hotel.')).toBe('Rafael Ortiz');
    expect(subject("Nadia Haddad's deputy, Omar Said, left early.")).not.toBe('Nadia Haddad');
    expect(
      subject('Chief negotiator Luis Romero, who met Foreign Minister Maria Lopez twice, left the city.'),
    ).toBe('Luis Romero');
  });
});
