// Shorter versions of a sentence stay whole sentences: only asides, openers and closing attributions
// are cut, never inside a quotation, never with "…".
import { describe, expect, it } from 'vitest';
import { stripDateline } from '../../../functions/domain/summarise/dateline';
import { fullNamesOnFirstMention } from '../../../functions/domain/summarise/headline';
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
    expect(level('But the tense exchange in the hall went far beyond the usual rifts.', 1)).toBe(
      'The tense exchange in the hall went far beyond the usual rifts.',
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

  it('drops a closing consequence (", averting …", ", in a move that …") but never an item of a list', () => {
    expect(
      level(
        'Northland and Southland signed a water accord on Friday, ending a dispute that had lasted a decade.',
        3,
      ),
    ).toBe('Northland and Southland signed a water accord on Friday.');
    expect(
      level('The union voted to accept the offer, raising hopes that the ports will reopen this week.', 3),
    ).toBe('The union voted to accept the offer.');
    expect(
      level(
        'The two leaders signed a declaration in Valletta, in a deal that also opens a transit corridor.',
        3,
      ),
    ).toBe('The two leaders signed a declaration in Valletta.');
    const list =
      'The envoys agreed on three steps: reopening the border, releasing detainees, and restoring flights to the capital.';
    for (const l of [1, 2, 3] as const) expect(level(list, l)).toBe(list);
  });

  it('drops a source set off inside the sentence and a time counted from another happening', () => {
    expect(
      level(
        'Ruiz met the union leader in Valletta on Monday, according to two people briefed on the talks, and later praised the offer.',
        2,
      ),
    ).toBe('Ruiz met the union leader in Valletta on Monday, and later praised the offer.');
    // The source's own description is no clause of the sentence: the source stays.
    expect(
      level('The accord takes effect at once, according to Ana Ruiz, the mediator for the region.', 2),
    ).toMatch(/according to Ana Ruiz/);
    expect(level('The dockers will strike again on March 1, just two days before the election.', 3)).toBe(
      'The dockers will strike again on March 1.',
    );
  });

  it('never cuts a relative clause at the comma of its own list', () => {
    const text =
      'The union said the deal was struck after talks with the Producers Alliance, which represents studios, streaming services and production companies.';
    for (const l of [1, 2, 3] as const) expect(level(text, l)).not.toMatch(/Alliance streaming/);
  });

  it('keeps an opening phrase when an attribution aside follows it', () => {
    const text =
      'With the raises restored, the union said, top-scale workers would earn more than $40 an hour.';
    for (const l of [1, 2, 3] as const) expect(level(text, l)).not.toMatch(/^The union said,/);
  });

  it('drops an opening "According to him," that names nobody, at the second level', () => {
    const text =
      'According to him, the ministry expects the envoy to visit at the earliest date in November.';
    expect(level(text, 1)).toBe(text);
    expect(level(text, 2)).toBe('The ministry expects the envoy to visit at the earliest date in November.');
  });

  it('drops a closing relative clause after a noun at the last level only', () => {
    const text =
      'Envoys met in Valletta to revive a truce between the two republics, which collapsed in 2019 after a border clash.';
    expect(level(text, 2)).toBe(text);
    expect(level(text, 3)).toBe('Envoys met in Valletta to revive a truce between the two republics.');
    expect(
      level('The talks were chaired by Amara Diallo, who has mediated in the region since the 1990s.', 3),
    ).toBe('The talks were chaired by Amara Diallo.');
    // Not when the clause holds a quotation or goes on past another comma.
    const quoted = 'The union rejected the offer, which it called "an insult to every driver".';
    expect(level(quoted, 3)).toBe(quoted);
    const long = 'The mayor signed the contract, which runs to 2031, and thanked both negotiating teams.';
    expect(level(long, 3)).toContain('and thanked both negotiating teams');
  });

  it('drops a clause after a semicolon about someone the line does not name, quotation and all', () => {
    const text =
      'Commissioner Marta Lind said the bloc must be involved. Minister Piotr Nowak, arriving later, said he hoped "we will be consulted" before anything was signed; she said the bloc had "seen no text at all."';
    const a = analyseText(text, NONE);
    expect(trim(a.sentences[1]!, 1)).toBe(
      'Minister Piotr Nowak, arriving later, said he hoped "we will be consulted" before anything was signed.',
    );
    // The same person goes on: the clause stays.
    const same =
      'Minister Piotr Nowak said the offer was late; he added that the text was "nowhere near ready."';
    expect(level(same, 1)).toBe(same);
  });

  it('never cuts inside a quotation and keeps the verb', () => {
    const text = 'Ortiz said the deal was "done, finished, and signed — at last" on Monday.';
    for (const l of [1, 2, 3] as const)
      expect(level(text, l)).toContain('"done, finished, and signed — at last"');
  });

  it('keeps what follows the second dash of a pair: it is the sentence, not an aside', () => {
    for (const text of [
      'She insisted, however, that the proposals — drafted by mediators from three countries over the summer — were only a basis for further work.',
      'The union said the offer — its third since the strike began in March — fell well short of what members had demanded.',
    ]) {
      for (const l of [1, 2, 3] as const) {
        const out = level(text, l);
        expect(out).toMatch(
          /(?:were only a basis for further work|fell well short of what members had demanded)\.$/,
        );
      }
    }
    // A lone closing dash is still an aside that may go.
    expect(
      level('The two sides agreed to meet again in Oslo next month — a first since the war began.', 3),
    ).toBe('The two sides agreed to meet again in Oslo next month.');
  });

  it('never ends a line with an ellipsis', () => {
    const s = analyseText(
      'Officials from both sides met for nine hours in the border town on Tuesday to discuss water rights, grazing land, fishing quotas, customs posts, the release of detainees, the return of displaced families and a timetable for withdrawing troops from the disputed valley.',
      NONE,
    ).sentences[0]!;
    for (const v of trimVariants(s)) expect(v.text).not.toMatch(/…|\.\.\.$/);
  });
});

describe('a description opening a line', () => {
  it('names the person a definite description opening the line means', () => {
    const a = analyseText(
      'UN envoy Lena Dahl opened the fifth round on Monday. The Danish diplomat said the delegations had failed to agree even on how to organise their work.',
      NONE,
    );
    expect(trimVariants(a.sentences[1]!)[0]!.text).toMatch(/^Dahl said the delegations/);
    const b = analyseText(
      'Mediator Omar Haddad met both teams in Doha. The mediator told reporters that the gaps on security were still wide.',
      NONE,
    );
    expect(trimVariants(b.sentences[1]!)[0]!.text).toMatch(/^Haddad told reporters/);
  });

  it('leaves a description of several people or of nobody known as written', () => {
    const a = analyseText('Talks resumed in Doha. The two leaders said the gaps were narrowing fast.', NONE);
    expect(trimVariants(a.sentences[1]!)[0]!.text).toMatch(/^The two leaders said/);
    const b = analyseText(
      'Talks resumed in Doha. The mediator said the gaps on security were narrowing.',
      NONE,
    );
    expect(trimVariants(b.sentences[1]!)[0]!.text).toMatch(/^The mediator said/);
  });
});

describe('datelines', () => {
  it.each([
    ['VALLETTA, Malta — The talks resumed.', 'The talks resumed.'],
    ['Lisbon (AP) — Envoys met again.', 'Envoys met again.'],
    ['OSLO, March 3 (Reuters) - A deal was near.', 'A deal was near.'],
    ['NAIROBI — Both sides signed.', 'Both sides signed.'],
    ['Sharm el-Sheikh, Egypt (CNN) — The envoys met.', 'The envoys met.'],
    ['Rio de Janeiro (Reuters) - Talks resumed.', 'Talks resumed.'],
    [
      'VALLETTA: Both sides have agreed to a truce from midnight.',
      'Both sides have agreed to a truce from midnight.',
    ],
    ['Gozo (Malta) (AFP) - The envoys sealed a deal on Sunday.', 'The envoys sealed a deal on Sunday.'],
    // An agency that closes its dateline with no dash, after the day filed.
    ['Lisbon, Sep 15 (PTI) Vell and Norland held talks.', 'Vell and Norland held talks.'],
    ['Valletta/Lisbon, Oct 22 (PTI) Norland confirmed the deal.', 'Norland confirmed the deal.'],
    // The day filed first.
    ['March 3, 2026 (VALLETTA) – The envoys left.', 'The envoys left.'],
    ['3 March 2026 (Reuters) - Talks resumed.', 'Talks resumed.'],
    // An agency alone, the place left out.
    ['(Bloomberg) -- Vell and the fund remain at odds.', 'Vell and the fund remain at odds.'],
    ['(AP) — The envoys left.', 'The envoys left.'],
  ])('%s', (line, expected) => {
    expect(stripDateline(line)).toBe(expected);
  });

  it('leaves sentences that only look like one', () => {
    expect(stripDateline('NATO — the alliance — met.')).toBe('NATO — the alliance — met.');
    expect(stripDateline('The US — and its allies — agreed.')).toBe('The US — and its allies — agreed.');
    expect(stripDateline('Malta (AFP) said nothing.')).toBe('Malta (AFP) said nothing.');
    expect(stripDateline('March 3, 2026 was the deadline.')).toBe('March 3, 2026 was the deadline.');
    expect(stripDateline('Lisbon, March 3 (the day of the vote) was quiet.')).toBe(
      'Lisbon, March 3 (the day of the vote) was quiet.',
    );
  });
});

describe('full names on first mention', () => {
  it('gives each person their full name, also right after the end of a sentence', () => {
    const a = analyseText(
      'Foreign Minister Nadia Haddad met her counterpart Omar Said in Valletta. Haddad called the talks frank. Said agreed.',
      NONE,
    );
    expect(
      fullNamesOnFirstMention('The talks were held in Valletta. Said echoed Haddad’s remarks on Friday.', a),
    ).toBe('The talks were held in Valletta. Omar Said echoed Nadia Haddad’s remarks on Friday.');
    // A name after a title keeps its form.
    expect(fullNamesOnFirstMention('The talks ended when Minister Haddad left.', a)).toBe(
      'The talks ended when Minister Haddad left.',
    );
  });

  it('never turns a country into a person whose last name it is', () => {
    const a = analyseText(
      'Somalia’s president met the Somaliland leader in Djibouti. Villa Somalia, the seat of the federal government in Mogadishu, welcomed the outcome. Casa Kenya, the envoy’s residence, hosted a dinner.',
      NONE,
    );
    expect(fullNamesOnFirstMention('Somalia’s president met the Somaliland leader.', a)).toBe(
      'Somalia’s president met the Somaliland leader.',
    );
    expect(fullNamesOnFirstMention('Kenya hosted the talks.', a)).toBe('Kenya hosted the talks.');
  });

  it('leaves a surname with its particles as it is', () => {
    const a = analyseText('Mediator Luis Pablo de la Vega met both delegations on Monday.', NONE);
    expect(fullNamesOnFirstMention('De la Vega, standing between them, smiled.', a)).toBe(
      'De la Vega, standing between them, smiled.',
    );
    const b = analyseText('Envoy Pieter van der Berg met both delegations on Monday.', NONE);
    expect(fullNamesOnFirstMention('Van der Berg said little.', b)).toBe('Van der Berg said little.');
  });
});

describe("a live page's signposts", () => {
  it('drops "Quick recap if you are just joining us:" and the like before the news', () => {
    expect(
      level(
        'Quick recap if you are just joining us: Premier Ana Ruiz said on Tuesday that Vell would not sign.',
        1,
      ),
    ).toBe('Premier Ana Ruiz said on Tuesday that Vell would not sign.');
    expect(level("Here's what we know so far: the talks ended without a deal on Friday night.", 1)).toBe(
      'The talks ended without a deal on Friday night.',
    );
    expect(level('To recap, he said the talks would resume in March.', 1)).toBe(
      'He said the talks would resume in March.',
    );
  });
});

describe('a sentence that leads into a quotation', () => {
  it('is never a line on its own', () => {
    expect(
      trimVariants(
        analyseText('In an interview published on Tuesday, the premier said:', NONE).sentences[0]!,
      ),
    ).toEqual([]);
  });
});

describe('labels and framing phrases', () => {
  it('drops an agency\'s "Details:" or "Background:" label before the sentence', () => {
    expect(
      level('Details: The delegation arrived in Vell after the envoys met the president on Tuesday.', 1),
    ).toBe('The delegation arrived in Vell after the envoys met the president on Tuesday.');
    expect(level('Background: The two sides last met in Lisbon in March.', 1)).toBe(
      'The two sides last met in Lisbon in March.',
    );
  });

  it('cuts a framing phrase only up to its comma, keeping what follows it', () => {
    expect(
      level(
        'The presidents of Vell and Norland have signed an agreement aimed at ending decades of conflict in the east, at a ceremony in Lisbon hosted by the mediator.',
        3,
      ),
    ).toBe(
      'The presidents of Vell and Norland have signed an agreement at a ceremony in Lisbon hosted by the mediator.',
    );
    // The comma before a closing attribution stays.
    expect(
      level(
        'Vell has launched a campaign of "information attacks" aimed at disrupting any settlement, Norland\'s foreign ministry spokeswoman Ana Ruiz said on Wednesday.',
        3,
      ),
    ).toContain('"information attacks", ');
  });

  it('never cuts a framing phrase that belongs to the subject, with the verb after it', () => {
    const a =
      'Talks aimed at reuniting the divided island collapsed early Friday, dashing what envoys had called the best chance in years.';
    for (const l of [1, 2, 3] as const) expect(level(a, l) ?? '').not.toMatch(/^Talks, /);
    const b =
      'A plan in a bid to end the strike was rejected on Monday, leaving the ports closed for a third week.';
    for (const l of [1, 2, 3] as const) expect(level(b, l) ?? '').not.toMatch(/^A plan, /);
  });
});

describe('asides that do not close where a comma is', () => {
  it("takes the wire's party tag with the aside after it, keeping the commas right", () => {
    expect(level('Sen. Ann Holt, D-Pa., who had pushed the case with him, thanked the White House.', 2)).toBe(
      'Sen. Ann Holt thanked the White House.',
    );
  });

  it('does not cut a "whose" clause at a comma before its verb', () => {
    const versions = trimVariants(
      analyseText(
        'The group, whose former leader Dario Uso, known as "Otto," was extradited in 2022, said it would talk.',
        NONE,
      ).sentences[0]!,
    ).map((v) => v.text);
    expect(versions).not.toContain('The group known as "Otto," was extradited in 2022, said it would talk.');
    for (const v of versions) expect(v).not.toMatch(/^The group,? known as/);
  });
});

describe('reduced relative clauses', () => {
  it('drops a participle phrase set off after a noun, keeping the sentence whole', () => {
    expect(level('The second round, originally planned for March, opened in Doha on Monday.', 2)).toBe(
      'The second round opened in Doha on Monday.',
    );
    expect(level('The accord, signed by both ministers last year, expires at the end of June.', 2)).toBe(
      'The accord expires at the end of June.',
    );
    // After a verb the commas set off something else.
    expect(level('The mediator said, visibly tired, that talks would go on.', 2)).toContain('visibly tired');
  });

  it('keeps an "-ed" verb between commas when it is the clause\'s own verb', () => {
    // The main verb after an apposition, with a participle clause after it.
    expect(
      level(
        "Vell's Prime Minister, Sheikh Omar bin Said Al Rami, announced the deal at a news conference in Doha, saying the truce would take effect on Sunday.",
        2,
      ),
    ).toContain('announced the deal');
    // The verb of the first of two joined clauses, after a relative aside.
    expect(level('Norland and Vell, which hold vetoes, abstained, and no member voted against.', 2)).toBe(
      'Norland and Vell abstained, and no member voted against.',
    );
  });
});

describe('a line that opens on a pronoun once its opener is cut', () => {
  it('names the person the pronoun means', () => {
    const a = analyseText(
      'President Ivo Marek met the envoy on Monday. At the same time, he accused the rebels of shelling two villages overnight.',
      NONE,
    );
    expect(trimVariants(a.sentences[1]!).map((v) => v.text)).toContain(
      'Marek accused the rebels of shelling two villages overnight.',
    );
  });

  it('names the speaker a bare "he said" means, inside or after the quotation', () => {
    const a = analyseText(
      'Finance Minister Omar Vance led the delegation in Oslo. "Nothing is agreed until we speak with the president," he told reporters. A decision that cannot name the river, he said, is "not neutral at all".',
      NONE,
    );
    const [first] = trimVariants(a.sentences[1]!);
    expect(first).toMatchObject({
      text: '"Nothing is agreed until we speak with the president," Vance told reporters.',
      resolved: true,
    });
    expect(trimVariants(a.sentences[2]!)[0]?.text).toBe(
      'A decision that cannot name the river, Vance said, is "not neutral at all".',
    );
  });

  it('names a pope or a king by the whole regnal name, never by the number', () => {
    const a = analyseText(
      'Pope Pius XIV said the Holy See was ready to host the talks. He received the foreign minister in a private audience on Sunday.',
      NONE,
    );
    expect(a.entities.map((e) => e.name)).toContain('Pope Pius XIV');
    const lines = trimVariants(a.sentences[1]!).map((v) => v.text);
    expect(lines).toContain('Pope Pius XIV received the foreign minister in a private audience on Sunday.');
    expect(lines.join(' ')).not.toMatch(/^XIV\b|\. XIV\b/);
  });
});

describe('a line that opens on "It" for the body the sentence before was about', () => {
  it('names the body instead, and keeps "It" when the sentence before was about no body', () => {
    const variants = (text: string, k: number) =>
      trimVariants(analyseText(text, NONE).sentences[k]!).map((v) => [v.text, v.resolved]);
    expect(
      variants(
        'The Teachers Federation began a strike on February 14. It extended the strike by six weeks on March 28.',
        1,
      ),
    ).toContainEqual(['The Teachers Federation extended the strike by six weeks on March 28.', true]);
    expect(
      variants('Harbour Board members met on Monday in Oslo. It was raining when the talks began.', 1).some(
        ([, resolved]) => resolved,
      ),
    ).toBe(false);
  });
});
