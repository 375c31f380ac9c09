// Who said each quotation. Every rule is checked on at least two hand-written sentences, most of them
// about people no catalogue knows, so the rules are about English news style, not about names.
import { describe, expect, it } from 'vitest';
import { quotesOf, speakerOf } from './support';

const NONE = { actors: [] };

describe('attribution right after the quotation', () => {
  it.each([
    ['"The border will reopen within a week," Foreign Minister Maria Lopez said.', 'Maria Lopez'],
    ['"We have nothing to add," said Chen Wei, the lead trade negotiator.', 'Chen Wei'],
    [
      '“There is no deal yet.” Interior Minister Arjun Patel said. “Talks go on through the night.”',
      'Arjun Patel',
    ],
  ])('%s', (text, speaker) => {
    expect(quotesOf(text, NONE)[0]?.speaker).toBe(speaker);
  });

  it('credits the full name the text gave earlier when only the surname follows the quotation', () => {
    const text =
      'Trade Representative Jamal Okafor arrived on Monday. "Both teams worked through the night," Okafor said.';
    expect(speakerOf(text, 'worked through the night', NONE)).toBe('Jamal Okafor');
  });

  it('never credits a surname the text never completes', () => {
    expect(speakerOf('"We will not sign this text," Okafor said.', 'not sign', NONE)).toBeNull();
  });
});

describe('attribution before the quotation', () => {
  it.each([
    ['Deputy Premier Sofia Ruiz wrote on social media, "The ceasefire holds for now."', 'Sofia Ruiz'],
    [
      'Senior negotiator Ahmed Karimi told reporters that "the gap has narrowed a great deal."',
      'Ahmed Karimi',
    ],
    [
      'After the session ended, Defence Minister Lena Holm called it "a real step towards peace."',
      'Lena Holm',
    ],
  ])('%s', (text, speaker) => {
    expect(quotesOf(text, NONE)[0]?.speaker).toBe(speaker);
  });

  it('skips a relative clause and a possessive between the speaker and the verb', () => {
    const a = 'Elena Varga, who chaired the session, called the result "a fair compromise for both sides."';
    expect(speakerOf(a, 'fair compromise')).toBe('Elena Varga');
    const b = "Moreau echoed Varga's remarks, telling the press that “the text is nearly final now.”";
    expect(speakerOf(b, 'nearly final')).toBe('Ines Moreau');
  });

  it('credits a document or body the text names', () => {
    expect(
      speakerOf(
        'The two delegations issued a joint statement that said: "Work will resume next month."',
        'Work will',
      ),
    ).toBe('joint statement');
    expect(
      speakerOf(
        'According to the Citadel readout, both leaders "agreed to keep talking in good faith."',
        'keep talking',
      ),
    ).toBe('Citadel readout');
  });
});

describe('descriptions and pronouns', () => {
  it('resolves "the president" and "the chancellor" through the roles people held that day', () => {
    const text =
      'Varga met Moreau in the capital on Monday. "We have turned a page," the chancellor said. "So have we," the president replied.';
    expect(speakerOf(text, 'turned a page')).toBe('Ines Moreau');
    expect(speakerOf(text, 'So have we')).toBe('Elena Varga');
    // In 2024 the chancellor was Brandt, and the catalogue knows it.
    const before = '"We have turned a page," the Southland chancellor said.';
    expect(speakerOf(before, 'turned a page', { publishedAt: '2024-03-01T00:00:00Z' })).toBe('Tomas Brandt');
  });

  it('takes a catalogue person the report never names only when the description says where they are from', () => {
    const actors = [
      {
        name: 'Ingrid Halvorsen',
        kind: 'person' as const,
        aliases: ['Halvorsen'],
        side: 'Norway',
        country: 'Norway',
        roles: [{ title: 'Norwegian Foreign Secretary', from: '2024-01' }],
      },
    ];
    // A British meeting's "foreign secretary" is not the only foreign secretary the catalogue knows.
    const bare = 'Envoys met in London on Monday. "We had a frank discussion," the foreign secretary wrote.';
    expect(speakerOf(bare, 'frank discussion', { actors })).toBeNull();
    const norwegian =
      'Envoys met in Oslo on Monday. "We had a frank discussion," the Norwegian foreign secretary wrote.';
    expect(speakerOf(norwegian, 'frank discussion', { actors })).toBe('Ingrid Halvorsen');
    // Named earlier in the report, the role word alone is enough.
    const named =
      'Ingrid Halvorsen met the envoys in Oslo on Monday. The envoys left at noon. Officials from six countries stayed on. "We had a frank discussion," the foreign secretary wrote.';
    expect(speakerOf(named, 'frank discussion', { actors })).toBe('Ingrid Halvorsen');
  });

  it('reads "the head of state" as one office, not as any head or chief', () => {
    const text =
      'President Lina Sova met Chief of the Defence Staff Piet Moen on Saturday. "From tonight, our side declares a truce," the head of state said.';
    expect(speakerOf(text, 'declares a truce', NONE)).toBe('Lina Sova');
  });

  it('resolves a description through the role the text itself gave', () => {
    const text =
      'Farm envoy Pablo Serra met Fisheries Minister Hana Sato on Tuesday. "The quota talks are over for this year," the minister said.';
    expect(speakerOf(text, 'quota talks', NONE)).toBe('Hana Sato');
    const aide =
      'Palace aide Omar Haddad joined the talks late. Hours later, "nothing has been signed," the aide said.';
    expect(speakerOf(aide, 'nothing has been signed', NONE)).toBe('Omar Haddad');
  });

  it('gives "he" to the subject of the sentence before, not to the last person named', () => {
    const text =
      'In a speech after meeting Varga, Tomas Brandt sounded hopeful. "Nobody wants another winter of this," he said.';
    expect(speakerOf(text, 'another winter')).toBe('Tomas Brandt');
  });

  it('never gives "she" to someone the text has called "he", nor "he" to someone called "she"', () => {
    const text =
      'Commissioner Marta Lind said the bloc must be involved. "Any plan needs us on board," she told reporters. Minister Piotr Nowak, arriving later, said he hoped "we will be consulted"; she said the bloc had "seen no text at all."';
    expect(speakerOf(text, 'seen no text', NONE)).toBe('Marta Lind');
    expect(speakerOf(text, 'we will be consulted', NONE)).toBe('Piotr Nowak');
    const other = [
      'Envoy Sara Okafor met Governor Tom Reyes on Monday. "We made progress," she said.',
      '"Nothing is settled until the assembly votes," Okafor said. "We will see what the assembly does," he said.',
    ].join('\n');
    // Okafor is "she": the "he" is somebody else (here nobody the sentences before make sure of).
    expect(speakerOf(other, 'what the assembly does', NONE)).not.toBe('Sara Okafor');
  });

  it('gives "the Ukrainian leader" to the roleless person speaking, not to one whose country is unknown', () => {
    const text =
      'Petro Marchuk said he would fly in on Friday. President Donald Hale hosted him at the palace. "We need them too," Hale said.\n\nMarchuk, seated across from Hale, argued that the invaders move only under pressure. "They are not ready for peace. We have to push them," the Ukrainian leader said.';
    expect(speakerOf(text, 'not ready for peace', NONE)).toBe('Petro Marchuk');
  });

  it('reads "Von der Leyen" opening a sentence as the person named "von der Leyen" in full', () => {
    const text =
      'Commission President Ingrid von der Lahn met the prime minister on Monday.\n\nVon der Lahn said the summit was "a turning of the page for both of us, at last."';
    expect(speakerOf(text, 'turning of the page', NONE)).toBe('Ingrid von der Lahn');
  });

  it('completes a surname from a full name the text gave only as an owner ("Kari Holm\'s envoy")', () => {
    const text =
      'Kari Holm\'s special envoy, Omar Tal, arrived on Monday.\n\nHolm hit back on Wednesday, saying the border "was settled long ago" and "is not even up for discussion".';
    expect(speakerOf(text, 'was settled long ago', NONE)).toBe('Kari Holm');
  });

  it('reads "the former Dutch prime minister" as the person the sentence before was about', () => {
    const text =
      'Alliance Secretary General Mark Verhoef said six allies wanted to take part.\n\n"If I were in Moscow today, I would take these talks far more seriously," the former Dutch prime minister told reporters.';
    expect(speakerOf(text, 'far more seriously', NONE)).toBe('Mark Verhoef');
  });

  it('does not give "he" to the last speaker when the sentence names someone else first', () => {
    const text = [
      '"We will send more air defence systems," Alliance chief Mark Verhoef said.',
      'Holm\'s patience has thinned since a call with President Ivan Sorokin, after which he told reporters he "made no progress at all" with him.',
    ].join('\n\n');
    expect(speakerOf(text, 'made no progress at all', NONE)).not.toBe('Mark Verhoef');
  });

  it('gives "he added" in a new paragraph to the last person credited with words', () => {
    const text = [
      'Chief negotiator Luis Romero said the talks had been "long but useful in the end."',
      'The delegations also discussed water rights and grazing land near the border river.',
      '"We will meet again before the harvest begins," he added.',
    ].join('\n');
    expect(speakerOf(text, 'meet again', NONE)).toBe('Luis Romero');
  });

  it('keeps the speaker in a paragraph that is only the rest of a quotation', () => {
    const text = [
      '"The first convoy crossed at dawn," Colonel Anya Petrenko said, adding that more would follow.',
      '“Every crossing will be logged by both sides and checked by observers from the mission.”',
    ].join('\n');
    expect(speakerOf(text, 'Every crossing', NONE)).toBe('Anya Petrenko');
  });

  it('carries a quotation over a paragraph break', () => {
    const text = [
      'Mediator Grace Ncube said: “The first phase begins on Monday.',
      '“The second depends on what both parties do in the first one.”',
    ].join('\n');
    expect(quotesOf(text, NONE).map((q) => q.speaker)).toEqual(['Grace Ncube', 'Grace Ncube']);
  });

  it('an "it said" refers back to a body, not a person', () => {
    const text = 'The Citadel issued a statement on Sunday. "The door remains open for talks," it said.';
    expect(speakerOf(text, 'door remains open')).toBe('the Citadel');
  });
});

describe('never the wrong speaker', () => {
  it('never credits the outlet that relayed a quotation', () => {
    expect(
      speakerOf('Wire Service reported that "the talks have collapsed for good."', 'collapsed'),
    ).toBeNull();
    expect(
      speakerOf(
        'The plan "will be signed in the spring," the Daily Courier reported, citing no one.',
        'signed in the spring',
        NONE,
      ),
    ).toBeNull();
  });

  it('never credits a reporter', () => {
    const text = 'Channel journalist Mark Doyle reported that "both leaders left without a word."';
    expect(speakerOf(text, 'left without', NONE)).toBeNull();
  });

  it('credits an anonymous source as the text describes it', () => {
    expect(
      speakerOf(
        'A senior diplomat told the agency that "nothing will move before the vote."',
        'nothing will move',
        NONE,
      ),
    ).toBe('senior diplomat');
    expect(
      speakerOf('Officials said the text "still needs legal review by both sides."', 'legal review', NONE),
    ).toBe('Officials');
  });

  it('leaves a quotation nobody is credited with unattributed', () => {
    expect(
      speakerOf(
        'A banner outside the hall read: "We want our river back before summer."',
        'river back',
        NONE,
      ),
    ).toBeNull();
    expect(
      speakerOf('Varga met Moreau. "Nothing is agreed until everything is agreed."', 'Nothing is agreed'),
    ).toBeNull();
  });

  it('does not list names in quotation marks, headings or scare quotes without a sure speaker', () => {
    expect(
      quotesOf('Leaders met at a summit of the "friends of the river basin" in the north.', NONE),
    ).toEqual([]);
    expect(quotesOf('The sides promised to meet again "in the coming days."', NONE)).toEqual([]);
    expect(quotesOf('Critics called the accord "historic" and "rushed."', NONE)).toEqual([]);
    expect(quotesOf('Foreign Minister Maria Lopez called the accord "historic."', NONE)).toEqual([]);
    expect(quotesOf('Foreign Minister Maria Lopez called the accord "a historic day."', NONE)).toEqual([
      { speaker: 'Maria Lopez', text: 'a historic day.' },
    ]);
  });

  it('does not take a word like "Each" or a pronoun for a speaker', () => {
    const found = quotesOf('"Each of them signed," she said. "They left at noon," they said.', NONE);
    expect(found.map((q) => q.speaker)).toEqual([null, null]);
  });
});

describe('a given name that is also a country', () => {
  it.each([
    [
      'Defence Minister Jordan Vale ordered a response. Later, Jordan said its border posts had "come under fire overnight."',
      'come under fire overnight',
    ],
    [
      'Interior Minister Georgia Lind spoke first. Georgia said it would "reopen the crossing at dawn."',
      'reopen the crossing',
    ],
  ])('%s', (text, fragment) => {
    expect(speakerOf(text, fragment, NONE)).not.toMatch(/Vale|Lind/);
  });
});

describe('a description named after it ("known as", "called")', () => {
  it.each([
    [
      'In a statement, the mediating group known as the Quartet said it had "secured a pause in the shelling."',
      'secured a pause',
      'the Quartet',
    ],
    [
      'The coalition of creditors, known as the Paris Club, said "the terms are final and will not be reopened."',
      'terms are final',
      'the Paris Club',
    ],
  ])('%s', (text, fragment, speaker) => {
    expect(speakerOf(text, fragment, NONE)).toMatch(new RegExp(speaker.replace(/^the /, ''), 'i'));
  });
});

describe('two people speaking together', () => {
  it.each([
    [
      'Dr Hana Okoye and Dr Luis Brandt, the co-chairs of the nurses committee, said the vote was clear. "Members will not accept another cut," they said.',
      'not accept another cut',
    ],
    [
      'Farah Malik and Tomas Reyes, the union\'s joint general secretaries, said the offer fell short.\n\n"We are ready to talk at any hour.\n\n"But the strike goes ahead on Monday without a better offer," they said.',
      'strike goes ahead',
    ],
  ])('%s', (text, fragment) => {
    const speaker = speakerOf(text, fragment, NONE);
    expect(speaker).toMatch(/ and /);
    expect(speaker).toMatch(/Okoye|Malik/);
    expect(speaker).toMatch(/Brandt|Reyes/);
  });
});

describe('a calling, not an office, naming the one who just spoke', () => {
  it('credits "the veteran diplomat" in the next paragraph to the conference president named before', () => {
    const text =
      'President Rui Costa opened the summit on Monday, urging delegates to be bold.\n\nCOP president Ana Lima said on Friday that talks would go on.\n\n"Nobody leaves without a text," the veteran diplomat said.';
    expect(speakerOf(text, 'Nobody leaves without', NONE)).toBe('Ana Lima');
  });

  it('credits "the Chilean economist" to the adviser just quoted, but not "the Peruvian economist"', () => {
    const before = "Chile's chief adviser Tomas Vidal said the gap was narrowing.\n\n";
    expect(
      speakerOf(
        `${before}"We are close to a final text," the Chilean economist said.`,
        'close to a final text',
        NONE,
      ),
    ).toBe('Tomas Vidal');
    expect(
      speakerOf(
        `${before}"We are close to a final text," the Peruvian economist said.`,
        'close to a final text',
        NONE,
      ),
    ).not.toBe('Tomas Vidal');
  });

  it('does not credit an office to someone who holds another ("the prime minister" after a minister spoke)', () => {
    const text =
      'Finance Minister Ruth Adeyemi said the budget was ready.\n\n"We will not wait," the prime minister said.';
    expect(speakerOf(text, 'We will not wait', NONE)).not.toBe('Ruth Adeyemi');
  });
});

describe('titles that are part of a name, and life-story words', () => {
  it('reads "the pontiff" as the pope the text named, and "he" after it as him', () => {
    const text =
      'Pope Clement XV received the envoys on Monday.\n\nThe talks lasted an hour.\n\nThe delegations left separately.\n\nThe Argentine-born pontiff, who was elected in March, later met the mayor. Last week he said that "enemies can meet and look each other in the eyes."';
    expect(speakerOf(text, 'look each other in the eyes', NONE)).toBe('Pope Clement XV');
  });

  it('reads "the Oxford-educated king" as the king the text named', () => {
    const text =
      'On Sunday, King Faisal Rahman hosted both delegations.\n\nThe two sides met for six hours.\n\nTheir aides drafted a text.\n\n"Nothing is agreed until everything is agreed," the Oxford-educated king said.';
    expect(speakerOf(text, 'Nothing is agreed until', NONE)).toBe('King Faisal Rahman');
  });
});

describe("a role's office", () => {
  it.each([
    [
      'Premier Ana Ruiz spoke to the envoy on Monday.\n\nThe envoy "welcomed the offer of talks in Lisbon", the premier\'s office said in a statement.',
      'welcomed the offer of talks',
      "Ana Ruiz's office",
    ],
    [
      'Chancellor Erik Holm met the delegation.\n\n"No decision has been taken on troops," the chancellor\'s spokesman said.',
      'No decision has been taken',
      "Erik Holm's spokesman",
    ],
  ])('%s', (text, fragment, speaker) => {
    expect(speakerOf(text, fragment, NONE)).toBe(speaker);
  });
});

describe('"the two sides" is nobody in particular', () => {
  it('credits their joint statement, or nobody', () => {
    expect(
      speakerOf(
        'In a joint statement, the two sides said the border "will reopen to trade within a week."',
        'reopen to trade',
        NONE,
      ),
    ).toBe('joint statement');
    expect(
      speakerOf(
        'After the talks, both sides said "a great deal of work remains to be done."',
        'work remains',
        NONE,
      ),
    ).toBeNull();
  });
});

describe('more ways reports name who spoke', () => {
  it('reads "the union\'s president" as the president of the body the text named by its initials', () => {
    const text =
      'The National Dockers Federation reached a deal on Monday. NDF President Tomas Reyes announced it in a video.\n\n"We won things nobody thought possible," the union\'s president said.';
    expect(speakerOf(text, 'won things nobody thought', NONE)).toBe('Tomas Reyes');
  });

  it('links a description to the person named after it, not to the country before the name', () => {
    const text =
      'The chair of the talks, Peruvian diplomat Ana Ruiz, told delegates that progress was slow.\n\n"I believe an agreement is within reach," she said.';
    expect(speakerOf(text, 'agreement is within reach', NONE)).toBe('Ana Ruiz');
  });

  it('does not take the campus of a university for a person', () => {
    const text =
      'Lena Brandt, a labour historian at the University of Lisbon, Almada, said the deal raised the bar. "The employers blinked first this time," she said.';
    expect(speakerOf(text, 'employers blinked first', NONE)).toBe('Lena Brandt');
  });

  it('credits the one quoted in "his spokesman quoted him as saying"', () => {
    const text =
      'Northland President Omar Said said shipments would go on. "We will keep the corridor open for every ship," his spokesman, Karim Nasser, quoted him as saying.';
    expect(speakerOf(text, 'keep the corridor open', NONE)).toBe('Omar Said');
  });
});

describe('asides, former offices, second clauses and whose body', () => {
  it('links every role a long aside joins with "and" to the person it describes', () => {
    const text =
      'Senator Li Wen, a member of the Standing Committee of the National Council of Northland (NCN) Central Bureau and Northland foreign minister, attended the ceremony.\n\n"The most important result is unity among the factions.\n\n"The strongest call is for statehood," the Northland foreign minister said.';
    expect(speakerOf(text, 'strongest call is for statehood', NONE)).toBe('Li Wen');
  });

  it('reads "the former Chilean president" or "the Peruvian negotiator" in the next paragraph as the one who just spoke', () => {
    const former =
      'Pedro Vidal, the regional bloc\'s high representative, told reporters that the two parties had agreed to disarm.\n\n"This moment is not the end of the process but its beginning," the former Chilean president said.';
    expect(speakerOf(former, 'not the end of the process', NONE)).toBe('Pedro Vidal');
    const negotiator =
      'Ana Ruiz, adviser in the finance department, who delivered the statement, said the text was unbalanced.\n\n"This document is little more than an illusion," the Peruvian negotiator said.';
    expect(speakerOf(negotiator, 'little more than an illusion', NONE)).toBe('Ana Ruiz');
  });

  it('gives the words after ", while X wrote that" to X, not to the first clause\'s speaker', () => {
    const text =
      'Commissioner Jan Berg called the draft disappointing and said the bloc could not accept it, while former minister Lena Holm wrote on social media that "the summit is now on the verge of failure".';
    expect(speakerOf(text, 'on the verge of failure', NONE)).toBe('Lena Holm');
  });

  it('reads "the nationalist premier" as the premier the text named', () => {
    const text =
      'Prime Minister Viktor Kral hosted his counterpart in the capital.\n\nKral told a joint press conference that trust had been rebuilt.\n\n"Our two nations will be ready to defend each other," the nationalist premier said.';
    expect(speakerOf(text, 'ready to defend each other', NONE)).toBe('Viktor Kral');
  });

  it('names a body\'s committee after the body the text named ("the guild\'s negotiating committee")', () => {
    const text =
      'The Screen Actors Union of Northland reached a tentative deal with the studios on Sunday.\n\n"We can say with pride that this deal is exceptional," the union\'s negotiating committee said.';
    expect(speakerOf(text, 'this deal is exceptional', NONE)).toMatch(/^Screen Actors Union of Northland/);
  });
});

describe("a person's remark named by a noun", () => {
  it.each([
    [
      'The government says it only delivers weapons agreed earlier, after Prime Minister Ivo Kral\'s remark that Northland is "no longer sending any arms" caused alarm.',
      'no longer sending any arms',
      'Ivo Kral',
    ],
    [
      'Markets fell after Finance Minister Ana Ruiz\'s warning that the budget "cannot survive another quarter of this".',
      'cannot survive another quarter',
      'Ana Ruiz',
    ],
  ])('%s', (text, fragment, speaker) => {
    expect(speakerOf(text, fragment, NONE)).toBe(speaker);
  });
});

describe('a long role after a name nobody catalogued', () => {
  it('still makes the name a person ("Li Wen, a member of the … Central Committee and foreign minister,")', () => {
    const text =
      'Li Wen, a member of the Standing Committee of the National Council of Northland (NCN) Central Bureau and Northland foreign minister, attended the ceremony.\n\n"The strongest call is for statehood," the Northland foreign minister said.';
    expect(speakerOf(text, 'strongest call is for statehood', NONE)).toBe('Li Wen');
  });
});

describe('clauses inside the sentence that have their own subject', () => {
  it('does not give the main subject the words of "what X have called their \'…\'"', () => {
    const text =
      'The actors\' negotiating committee met again on Tuesday to weigh what the producers have called their "last, best and final possible" offer.';
    const q = quotesOf(text, NONE).find((x) => x.text.includes('best and final possible'));
    expect(q?.speaker ?? '').not.toMatch(/committee/);
  });

  it('reads "Name of the Federation had lobbied …" as a person of a body, and does not name her by the body', () => {
    const text =
      'Ana Ruiz of the Northland Fishermen\'s Federation had lobbied for months against any extension.\n\n"It is a horror show for our fleet," the federation\'s chief executive said.';
    const speaker = speakerOf(text, 'horror show for our fleet', NONE);
    expect(speaker).not.toMatch(/Federation's chief executive/);
  });
});

describe('titles, media roles and unnamed documents', () => {
  it('credits two people named with media roles together ("publisher A and editor-in-chief B said")', () => {
    const text =
      'Daily Courier publisher Almar Vell and editor-in-chief Emma Norland said in a joint statement that they were "overjoyed that he is coming home after all these days."';
    const speaker = speakerOf(text, 'overjoyed that he is coming home', NONE);
    expect(speaker).toMatch(/Almar Vell/);
    expect(speaker).toMatch(/Emma Norland/);
  });

  it('keeps "Crown Prince" a title, not part of the name', () => {
    const text =
      'In an interview on Wednesday, Crown Prince Khalid bin Omar said talks were going well. "Every day we get closer to a final text," he said.';
    expect(speakerOf(text, 'Every day we get closer', NONE)).not.toMatch(/^Crown/);
  });

  it('credits nobody for "the statement said" when the text never says whose statement it is', () => {
    const text =
      'The decision was announced on Monday in a statement published by a news agency close to the group.\n\nThe congress decided "to dissolve the organisation and end the armed struggle", the statement said.';
    expect(speakerOf(text, 'dissolve the organisation', NONE)).toBeNull();
  });
});
