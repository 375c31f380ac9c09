// Who said it, when the speaker is written the long way: place-and-title phrases, names with where a
// person is from, family names of several words, bodies whose names hold lists, roles without an
// article, statements without a reporting verb. Every rule is checked on two hand-written reports
// about people no catalogue knows; none is copied from the evaluation articles.
import { describe, expect, it } from 'vitest';
import { speakerOf } from './support';

const NONE = { actors: [] };
const who = (text: string, fragment: string) => speakerOf(text, fragment, NONE);

describe('the person a long attribution phrase is about', () => {
  it('looks past a place and a lower-case title after "said" to the name', () => {
    expect(
      who('"The new fence cuts our fields in two," said Brenmoor deputy mayor Lidia Farkas.', 'fence cuts'),
    ).toBe('Lidia Farkas');
    expect(
      who('"The wells will be dry by August," said Tarvik district governor Omar Sadiq.', 'wells will'),
    ).toBe('Omar Sadiq');
  });

  it('reads "Name of Country" as a person and where they come from', () => {
    expect(
      who(
        '"Small states shaped this text," said Amina Diallo of Senegal, one of the two vice-chairs.',
        'Small states',
      ),
    ).toBe('Amina Diallo');
    expect(who('"We will table a new map," said Tomasz Wilk of Poland after the session.', 'new map')).toBe(
      'Tomasz Wilk',
    );
  });

  it('keeps the subject when the tagger reads "lead" or a participle as the verb', () => {
    expect(
      who(
        'Chile\'s lead negotiator, Pablo Ignacio Rojas, was blunter. "Every lost week costs us a harvest," he said.',
        'lost week',
      ),
    ).toBe('Pablo Ignacio Rojas');
    expect(
      who(
        'The freed engineer, Daniel Moss, spoke briefly. "I never stopped believing," he said.',
        'never stopped',
      ),
    ).toBe('Daniel Moss');
  });

  it('credits a description the article introduced after an opening participle phrase', () => {
    expect(
      who(
        'Prime Minister Hana Sato met the envoy on Friday. Asked about reports that she would quit, the prime minister was firm. "I have no plan to step down," she said.',
        'no plan',
      ),
    ).toBe('Hana Sato');
    expect(
      who(
        'Mayor Karl Osei opened the hall. Pressed on the budget, the mayor shrugged. "The money is already spent," he said.',
        'already spent',
      ),
    ).toBe('Karl Osei');
  });
});

describe('one person, however the text shortens the name', () => {
  it('gives a family name of two words to the person introduced in full', () => {
    expect(
      who(
        'The talks were chaired by Luis Ortega Salvatierra of Peru. "We have come far, but not far enough," Ortega Salvatierra told delegates.',
        'come far',
      ),
    ).toBe('Luis Ortega Salvatierra');
    expect(
      who(
        'Ana María Castillo Ruiz led the team. Later, Castillo Ruiz said the text was "a floor, not a ceiling for anyone."',
        'a floor',
      ),
    ).toBe('Ana María Castillo Ruiz');
  });

  it("resolves a role noun the catalogue does not know through the article's own introduction", () => {
    expect(
      who(
        'Marta Quinn, the union chair, met ministers on Monday. Talks broke up at dawn. The union\'s chair had warned that members were "ready to walk out at any moment" if pay stayed flat.',
        'walk out',
      ),
    ).toBe('Marta Quinn');
    expect(
      who(
        'Capt. Rita Mendes, chair of the cabin crew council, called the offer fair. The chair said crews would "vote on it within ten days" of the signing.',
        'vote on it',
      ),
    ).toBe('Rita Mendes');
  });
});

describe('bodies named in full', () => {
  it('keeps "and" inside a body\'s name', () => {
    expect(
      who(
        'The Farmers and Fishers Forum urged talks. "Each idle month empties our harbours," the forum said in a statement.',
        'idle month',
      ),
    ).toBe('Farmers and Fishers Forum');
    expect(
      who(
        'The Air Line Dispatchers Association said the deal would bring "a real raise for every dispatcher" this year.',
        'real raise',
      ),
    ).toBe('Air Line Dispatchers Association');
  });

  it("keeps a list inside a ministry's name, for an official described by it", () => {
    expect(
      who(
        'A senior official at the Ministry of Land, Water and Energy said the route was open. "The final route still has to be surveyed," the official said.',
        'final route',
      ),
    ).toBe('senior official at the Ministry of Land, Water and Energy');
    expect(
      who(
        'The Department of Trade, Industry and Competition said the quota was "not up for negotiation this year."',
        'not up for',
      ),
    ).toBe('Department of Trade, Industry and Competition');
  });
});

describe('statements without a reporting verb', () => {
  it('gives a paragraph that is only a quotation to whoever made a statement just before', () => {
    expect(
      who(
        'In a statement released by his family, Rahimi Vance, who spent six years in detention, thanked those who had campaigned for him.\n\n“I would not be free today without all of you.”',
        'not be free',
      ),
    ).toBe('Rahimi Vance');
    expect(
      who(
        'Lena Okoro, the director of the river authority, read a statement on behalf of 40 countries.\n\n"A treaty without money is a treaty on paper," she said.',
        'on paper',
      ),
    ).toBe('Lena Okoro');
  });

  it('does not credit a statement sentence whose clause has no speaker', () => {
    expect(
      who('In a statement, nothing was said about the border.\n\n“The border stays shut.”', 'border stays'),
    ).toBeNull();
  });
});
