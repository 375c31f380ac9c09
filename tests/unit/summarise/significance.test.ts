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

  it('reads an agreement however it is qualified or worded', () => {
    const agreed = [
      'The union and the operator reached a tentative agreement early on Friday after four days of talks.',
      'Delegates adopted the final text of the convention at the close of the session in Nairobi.',
      'The two governments clinched a provisional deal on fishing quotas late on Tuesday.',
    ];
    for (const body of agreed) {
      expect(sig('Talks', body).reasons, body).toContain('An agreement was signed or reached.');
      expect(sig('Talks', body).level, body).toBe('alert');
    }
  });

  it('reads a contract reached, a deal announced, or a headline in the present tense as an agreement', () => {
    for (const [title, body] of [
      [
        'Port talks',
        'Dockers and port operators have reached a tentative six-year contract, heading off a strike.',
      ],
      [
        'Trade',
        'Tariffs on steel will fall to 5 percent under a trade agreement announced on Thursday by both leaders.',
      ],
      ['Pilots, airline reach tentative deal', 'Negotiators met again on Monday in a downtown hotel.'],
    ] as const) {
      expect(sig(title, body).reasons, body).toContain('An agreement was signed or reached.');
    }
  });

  it('does not take a date inside a relative clause for the news being old', () => {
    const body =
      'The actors union has reached a tentative agreement with studios, setting the stage to end a strike that began nearly 11 months ago.';
    expect(sig('Strike', body).level).toBe('alert');
  });

  it('reads a summit shelved as talks breaking down', () => {
    const body =
      'The planned summit between the two presidents in Vienna has been shelved, officials said on Tuesday.';
    expect(sig('Summit', body).reasons).toContain('Talks broke down or ended in open conflict.');
  });

  it('reads a prisoner exchange carried out, or people freed, as its own step', () => {
    for (const body of [
      'The two countries carried out a prisoner swap at the border crossing on Saturday.',
      'Northland freed four detained nationals of Southland under the arrangement on Monday.',
      'Three Germans freed by the militia landed in Cairo on Sunday.',
      'The government released five Iranians held on sanctions charges.',
    ]) {
      expect(sig('Exchange', body).reasons, body).toContain('Prisoners or hostages were exchanged or freed.');
    }
    // People going home is an alert, routine or not: the editors' guideline lists every swap.
    expect(
      sig('Exchange', 'The sides swapped 90 prisoners each on Friday, the first swap in a month.').level,
    ).toBe('alert');
    expect(sig('Exchange', 'Mediators secured the exchange of 292 captives, 146 from each side.').level).toBe(
      'alert',
    );
    // Told as background, it is not today's news.
    expect(
      sig(
        'Talks',
        'The talks resumed on Monday. The sides swapped prisoners last year after months of talks.',
      ).level,
    ).toBe('digest');
    expect(
      sig('Exchange', 'The sides carried out their largest prisoner exchange of the war on Friday.').level,
    ).toBe('alert');
  });

  it('tells agreeing how to go on talking from agreeing something of substance', () => {
    for (const body of [
      'The delegations agreed on Thursday to continue consultations at expert level.',
      'Delegates agreed an agenda for the session only on the penultimate day.',
      'The two sides agreed late on Monday to meet again next month.',
      'Northland and Southland ended a third round in Oslo, with both sides agreeing to press ahead with the negotiations.',
      'The envoys agreed to remain in close contact after the session.',
    ]) {
      const s = sig('Talks', body);
      expect(s.reasons, body).not.toContain('An agreement was signed or reached.');
      expect(s.level, body).toBe('digest');
    }
    for (const body of [
      'Member states agreed early Wednesday on the text of a global accord on fisheries.',
      'The mediator said it had reached separate agreements with both governments on Tuesday.',
    ]) {
      expect(sig('Talks', body).reasons, body).toContain('An agreement was signed or reached.');
    }
  });

  it('reads a side accepting or backing a proposal as material, but not a "-backed" plan', () => {
    for (const body of [
      'Northland said on Tuesday it was ready to accept a proposal for an immediate 30-day truce.',
      'The assembly backed the draft treaty by a wide margin on Friday.',
    ]) {
      expect(sig('Talks', body).reasons, body).toContain('A side accepted a proposal.');
    }
    expect(
      sig('Talks', 'Envoys will meet in Oslo to discuss a UN-backed peace plan next week.').reasons,
    ).not.toContain('A side accepted a proposal.');
  });

  it('weighs talks ending without a deal by what ended: a summit is an alert, a round is not', () => {
    expect(
      sig('Talks', "The leaders' summit with the Northland president ended on Friday without an agreement.")
        .level,
    ).toBe('alert');
    expect(
      sig('Talks', 'Mediated talks between the union and the company ended on Tuesday without a deal.').level,
    ).toBe('digest');
  });

  it('treats a sentence about last month as background', () => {
    const body =
      'Teachers returned to the table on Tuesday with no progress. Members voted last month to reject a tentative deal reached in the summer.';
    expect(sig('Talks', body).reasons).not.toContain('An agreement was signed or reached.');
  });

  it('does not read "no deal was agreed" as an agreement', () => {
    const s = sig('Talks end', 'The envoys met for five hours on Monday, but no deal was agreed upon.');
    expect(s.reasons).not.toContain('An agreement was signed or reached.');
    // A round that ends without one is noted; on its own it waits for the digest (a breakdown, a summit
    // or a deadline passed would make it an alert).
    expect(s.reasons).toContain('Talks ended without an agreement.');
    expect(s.level).toBe('digest');
    const summit = sig('Summit ends', 'The summit in Geneva ended on Sunday without a deal.');
    expect(summit.level).toBe('alert');
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

  it('reads settling a dispute, concluding negotiations and closing a deal as agreements', () => {
    for (const body of [
      'The rail operator and the drivers union have settled a bitter five-month wage dispute, the two sides said.',
      'The two blocs announced on Friday that they had concluded negotiations on a free trade agreement.',
      'Northland and Southland close fisheries deal after ten years of talks.',
      'Port operators and dockers agree on four-day week, ending strikes.',
    ]) {
      expect(sig('Talks', body).reasons, body).toContain('An agreement was signed or reached.');
    }
    for (const body of [
      'Kyiv said the meeting had moved the world closer to agreeing on the principles of a settlement.',
      'The sides ended two days of talks by agreeing to seek an extension of their truce.',
      'Negotiators said they were close to a deal but several issues remained.',
    ]) {
      expect(sig('Talks', body).reasons, body).not.toContain('An agreement was signed or reached.');
    }
  });

  it('adds weight to a final text or offer, and to people freed in a swap', () => {
    const final = sig('Talks', 'The mediator has put forward what it calls the final text of an agreement.');
    expect(final.reasons).toContain('A final text or offer was put to the sides.');
    expect(final.level).toBe('alert');
    expect(
      sig(
        'Swap',
        'Northland frees border commanders, hands over a jailed tycoon in the biggest swap of the war.',
      ).reasons,
    ).toContain('Prisoners or hostages were exchanged or freed.');
  });

  it('reads settling a lawsuit, walking away and collapsing talks, and a partial agreement', () => {
    expect(
      sig('Case settled', 'The broadcaster settled the defamation lawsuit for $90 million on Tuesday.')
        .reasons,
    ).toContain('An agreement was signed or reached.');
    for (const body of [
      'Northland walked away from trade negotiations with the bloc after a weekend of talks.',
      'Fisheries deal collapses as talks in Oslo end in acrimony.',
    ]) {
      expect(sig('Talks', body).reasons, body).toContain('Talks broke down or ended in open conflict.');
      expect(sig('Talks', body).level, body).toBe('alert');
    }
    expect(
      sig('Summit', 'The conference ended at dawn with agreement to set up a fund for vulnerable nations.')
        .reasons,
    ).toContain('The sides agreed on part of the issues.');
  });

  it('weighs more of the same down, and agreeing that experts will start work is procedure', () => {
    const routine = sig(
      'Talks',
      'Negotiators met for a third round of talks and agreed on another prisoner exchange.',
    );
    expect(routine.reasons).toContain('A further round of something that has happened before.');
    const experts = sig(
      'Talks',
      'The two delegations agreed that technical teams would start work on the outline next week.',
    );
    expect(experts.reasons).not.toContain('An agreement was signed or reached.');
    expect(experts.level).toBe('digest');
  });

  it('alerts when citizens held abroad are freed, and on a swap of soldiers', () => {
    for (const body of [
      'The rebels released two Britons held since 2022 in exchange for a man serving a life sentence.',
      'Tehran freed three Canadians on Monday after two years in Evin prison.',
    ]) {
      expect(sig('Release', body).level, body).toBe('alert');
      expect(sig('Release', body).reasons, body).toContain('Citizens held abroad were freed.');
    }
    expect(sig('Swap', 'The two armies swapped 150 soldiers each at the border crossing.').level).toBe(
      'alert',
    );
  });

  it('reads a leader rebuffing an appeal as a rejection', () => {
    const rebuff = sig(
      'No deal',
      'The president said Monday he would not restore the corridor, rebuffing a personal appeal from his visiting counterpart.',
    );
    expect(rebuff.reasons).toContain('A proposal was rejected.');
    expect(rebuff.level).toBe('alert');
  });

  it('reads agreeing to return to the bargaining table as procedure', () => {
    const back = sig(
      'Union and carrier agree to return to bargaining table next week',
      'The union and the carrier will go back to the table next week, ending a two-week standoff.',
    );
    expect(back.reasons).not.toContain('An agreement was signed or reached.');
    expect(back.level).toBe('digest');
  });

  it('does not count an agreement reached weeks before as the news', () => {
    const prior = sig(
      'Border talks',
      'The 12th round of talks in Hanoi came two months after the two sides reached an agreement on patrols.',
    );
    expect(prior.reasons).not.toContain('An agreement was signed or reached.');
    const dated = scoreSignificance(
      analyseText(
        'The rebels and the government missed Monday’s deadline for a final deal. Under the declaration the two sides signed in Lomé on May 2, talks were to close by Monday.',
        { title: 'Deadline missed', actors: [], publishedAt: '2025-06-10T12:00:00Z' },
      ),
    );
    expect(dated.reasons).not.toContain('An agreement was signed or reached.');
    expect(dated.level).toBe('digest');
  });

  it('counts a leaders\' call when the leader is "he" or "she" in the lead', () => {
    const call = scoreSignificance(
      analyseText(
        'President Elena Varga said on Thursday she would meet Chancellor Ines Moreau in Vienna after a long phone call with her.',
        { title: 'Leaders to meet' },
      ),
    );
    expect(call.reasons).toContain("The sides' leaders met or spoke.");
  });

  it('reads the many ways a deal is told: headline verbs, settlements, deals agreed, results of mediation', () => {
    for (const [title, body] of [
      [
        'Liberals and Greens seal coalition deal',
        'The two parties presented their coalition programme on Monday.',
      ],
      ['Settlement', 'The company and the towns reached a $2.1 billion settlement in principle on Thursday.'],
      ['Rights sold', 'The league sold its rights, agreeing deals worth £4bn with two broadcasters.'],
      [
        'Pause agreed',
        'Oman announced that its mediation had resulted in an agreement on a humanitarian pause in the fighting.',
      ],
    ] as const) {
      expect(sig(title, body).level, body).toBe('alert');
    }
  });

  it('alerts on talks suspended, negotiators recalled, or a conference ending without a text', () => {
    for (const body of [
      'The president on Friday suspended peace talks with the rebel group after a wave of killings.',
      'Both governments recalled their negotiating teams from the talks in Muscat on Thursday.',
      'The four-week review conference ended on Friday without a final document after one state objected.',
    ]) {
      expect(sig('Talks', body).level, body).toBe('alert');
    }
  });

  it('alerts on the first meeting of the sides since the war began or in years', () => {
    const first = sig(
      'Talks',
      'The first meeting of the two foreign ministers since the start of the full-scale invasion ended in Riga on Saturday.',
    );
    expect(first.reasons).toContain(
      'The sides met for the first time in years, or since the conflict began.',
    );
    expect(first.level).toBe('alert');
  });

  it('keeps procedure, a pause in a session and a missed deadline with talks going on in the digest', () => {
    for (const [title, body] of [
      [
        'Working group agreed',
        'The two delegations failed to narrow their differences but agreed to form a high-level working group to continue talks.',
      ],
      ['Talks', 'The two sides agreed to intensify efforts towards an early trade agreement.'],
      [
        'Strike, day two',
        'The agency and the union returned to the table, then broke off in the late afternoon.',
      ],
      [
        'Deadline passes',
        'The states let the federal deadline pass on Tuesday without agreeing on new rules, and talks will go on.',
      ],
    ] as const) {
      expect(sig(title, body).level, body).toBe('digest');
    }
  });
});

describe('news dated against what came before it', () => {
  it('reads the main clause as news when a clause after the comma dates the background', () => {
    const s = sig(
      'Member states adopt a treaty on fisheries',
      'Member states formally adopted the first global treaty on fisheries subsidies on Tuesday, more than three years after negotiations began in the depths of the crisis.',
    );
    expect(s.reasons).toContain('An agreement was signed or reached.');
    expect(s.level).toBe('alert');
  });

  it('reads service members returned from captivity, or an exchange carried out, as people freed', () => {
    for (const body of [
      'The country has returned 120 of its service members from captivity in an exchange on Wednesday.',
      'A prisoner exchange was carried out at the border on Friday, officials said.',
    ]) {
      expect(sig('Exchange', body).reasons, body).toContain('Prisoners or hostages were exchanged or freed.');
    }
  });
});

describe('firsts, pauses, ultimatums and one meeting counted once', () => {
  it('alerts on the first three-way or direct talks, or the first time since the war began', () => {
    for (const [title, body] of [
      [
        'Envoys end first three-way talks in Muscat',
        'Negotiators of the three countries wrapped up two days of talks on Saturday.',
      ],
      [
        'Talks end',
        'Negotiators wrapped up talks on Saturday, the first time officials from both countries have sat at the same table since the war began.',
      ],
    ]) {
      expect(sig(title!, body!).reasons).toContain(
        'The sides met for the first time in years, or since the conflict began.',
      );
    }
  });

  it('reads a pause in aid or intelligence sharing as a break', () => {
    const s = sig(
      'Support paused',
      'The government has paused intelligence sharing with its ally, officials said on Wednesday.',
    );
    expect(s.reasons).toContain('Talks broke down or ended in open conflict.');
    expect(s.level).toBe('alert');
  });

  it('alerts on an ultimatum, but not on one told as the day before', () => {
    expect(
      sig('President gives rebels 30 days to sign or face sanctions', 'The president spoke on Monday.').level,
    ).toBe('alert');
    const later = sig(
      'Ministers meet',
      'Ministers met on Tuesday to discuss the budget, a day after the president gave the rebels 30 days to sign.',
    );
    expect(later.reasons).not.toContain('A side set an ultimatum.');
  });

  it('does not read "to agree to a deal" as a deal agreed', () => {
    expect(
      sig('Ministers meet', 'The president gave the rebels a month to agree to a deal or face sanctions.')
        .reasons,
    ).not.toContain('An agreement was signed or reached.');
  });

  it('reads agreeing on a new group or forum as procedure', () => {
    expect(
      sig('Ministers agree on new security group', 'The ministers met on Wednesday.').reasons,
    ).not.toContain('An agreement was signed or reached.');
  });
});

describe('more ways a lead says something material happened', () => {
  const neutral = 'Officials spoke to reporters in the capital on Monday.';
  it('reads an arrangement or understanding reached, in quotation marks or not, and a deal agreed', () => {
    for (const title of [
      'Manila and Hanoi reach ‘interim arrangement’ on fishing grounds',
      'The two sides have reached a "temporary understanding" on border patrols',
      'Greens and Liberals agree coalition deal to form next government',
      'Dockers agree pay deal with port operators',
    ]) {
      expect(sig(title, neutral).level, title).toBe('alert');
    }
    // Still not one agreed: a deal someone must agree to.
    expect(sig('Rebels given a month to agree a deal', neutral).reasons).not.toContain(
      'An agreement was signed or reached.',
    );
  });

  it('reads talks cut off or ended by one side as a breakdown', () => {
    for (const title of [
      'President cuts off trade talks with Ruritania over advert',
      'The governor declared an end to negotiations with the union on Friday',
      'Ministry terminates talks with striking doctors',
    ]) {
      expect(sig(title, neutral).reasons, title).toContain('Talks broke down or ended in open conflict.');
    }
  });

  it('reads a decisive vote as news, and a vote still to come as none', () => {
    for (const title of [
      'Parliament passes bill to end the port strike',
      'Member states voted 57-49 to postpone the shipping levy by a year',
    ]) {
      expect(sig(title, neutral).level, title).toBe('alert');
    }
    expect(sig('Lawmakers could vote on the bill next week', neutral).level).toBe('digest');
  });

  it('alerts on a ceasefire declared or negotiated, even a local or one-sided one', () => {
    for (const title of [
      'President declares three-day ceasefire for the national holiday',
      'Mediators negotiated local ceasefire zones to let engineers repair the dam',
    ]) {
      expect(sig(title, neutral).level, title).toBe('alert');
    }
  });
});

describe('pressure and pauses told in the lead', () => {
  const neutral = 'Officials spoke to reporters in the capital on Monday.';
  it('alerts on sanctions adopted or imposed, not on sanctions threatened', () => {
    for (const title of [
      'Bloc adopts 19th package of sanctions against Northland',
      'Washington imposed sweeping sanctions on two Northland oil firms',
    ]) {
      expect(sig(title, neutral).reasons, title).toContain('New sanctions were imposed.');
    }
    expect(sig('President threatens sanctions if talks fail', neutral).reasons).not.toContain(
      'New sanctions were imposed.',
    );
  });

  it('reads weapons shipments or deliveries paused as a break', () => {
    for (const title of [
      'Pentagon halts Patriot, artillery shipments to Southland',
      'The ministry paused deliveries of some air-defence interceptors',
    ]) {
      expect(sig(title, neutral).reasons, title).toContain('Talks broke down or ended in open conflict.');
    }
  });

  it('alerts on tariffs or sanctions cut, lifted or waived, not on relief asked for or threatened', () => {
    for (const title of [
      'Washington will lower tariffs on Alpland goods to 12% from 30%',
      'Premier wins sanctions waiver on Northland gas at the palace',
      'Eastland secured an exemption from U.S. sanctions on its pipeline',
      'Duties on Southland steel were suspended for 90 days',
    ]) {
      expect(sig(title, neutral).reasons, title).toContain(
        'Tariffs or sanctions were cut, lifted or waived.',
      );
      expect(sig(title, neutral).level, title).toBe('alert');
    }
    for (const title of [
      'Eastland asked for an exemption from U.S. sanctions on its pipeline',
      'President threatened to lift tariffs on Alpland cheese',
      'Washington did not lift sanctions on the two oil firms',
    ]) {
      expect(sig(title, neutral).level, title).toBe('digest');
    }
  });
});

describe('what a lead rejects, adopts or holds for the first time', () => {
  const neutral = 'Officials spoke to reporters in the capital on Monday.';
  it('reads a claim rejected as commentary, a proposal rejected as news', () => {
    for (const title of [
      "Kremlin rejected the president's assertion that the army could retake the coast",
      'Ministry dismisses claims that talks have stalled',
      'The union rejected the characterization of its demands as extreme',
    ]) {
      expect(sig(title, neutral).reasons, title).not.toContain('A proposal was rejected.');
    }
    for (const title of [
      'Kremlin rejected the 12-point plan',
      'The union rejected the final offer from the port',
    ]) {
      expect(sig(title, neutral).reasons, title).toContain('A proposal was rejected.');
    }
  });

  it('reads a resolution adopted by a vote, and a plan endorsed by name, as decided', () => {
    for (const body of [
      'Resolution 1999, drafted by Norway, was adopted with 12 votes in favour.',
      'The assembly adopted the motion by 402 votes to 130 on Thursday.',
      'The bill was passed unanimously by the upper house on Friday.',
    ]) {
      expect(sig('Council vote', body).reasons, body).toContain('A vote decided the matter.');
    }
    expect(
      sig('Council backs plan', "The Security Council on Monday endorsed the mediator's plan for the port.")
        .reasons,
    ).toContain('A side accepted a proposal.');
  });

  it('reads the first known face-to-face discussions between the sides as a first meeting', () => {
    for (const body of [
      'The meetings were the first known face-to-face discussions between the two delegations on the plan.',
      'It was the first formal direct contact between the two governments since the war began.',
    ]) {
      expect(sig('Talks', body).reasons, body).toContain(
        'The sides met for the first time in years, or since the conflict began.',
      );
    }
  });

  it('reads refusing to comment as no rejection, refusing an offer as one', () => {
    for (const title of [
      'Kremlin says the president was briefed on the draft, refuses to discuss it through the press',
      'The ministry refused to say whether the envoy would return',
    ]) {
      expect(sig(title, neutral).reasons, title).not.toContain('A proposal was rejected.');
    }
    expect(sig('Union refused the final offer on Monday', neutral).reasons).toContain(
      'A proposal was rejected.',
    );
  });

  it('counts only who met, not a leader named in a time clause after the meeting', () => {
    const body =
      'Northland President Ivo Kral held talks with Southland envoy Ana Ruiz in Vell on Friday, hours after Southland President Omar Said publicly urged Northland to move faster.';
    expect(sig('Talks in Vell', body).reasons).not.toContain("The sides' leaders met or spoke.");
  });

  it('reads leaders of two sides who speak "after talks at" a place as a leaders\' meeting', () => {
    const body =
      'Northland President Ivo Kral and Southland President Omar Said said Sunday that they had made progress toward ending the war after talks at the lakeside residence.';
    expect(sig('Leaders meet', body).reasons).toContain("The sides' leaders met or spoke.");
    expect(sig('Leaders meet', body).level).toBe('alert');
    // Further down, a meeting named only by a noun is the background of someone's reaction.
    const later = `The Kremlin said on Wednesday the remarks were mistaken. ${body.replace('said Sunday that they', 'said that they')}`;
    expect(sig('Kremlin reacts', later).reasons).not.toContain("The sides' leaders met or spoke.");
  });

  it('reads a person traded for a person as an exchange, not any "in exchange for"', () => {
    for (const title of [
      'Northland to get convicted smuggler Ivo Kral in exchange for Southland teacher Ana Ruiz',
      'Vell frees reporter Omar Said in a swap for Tomas Brandt',
    ]) {
      expect(sig(title, neutral).reasons, title).toContain('Prisoners or hostages were exchanged or freed.');
    }
    for (const title of [
      'Northland offers to cut tariffs in exchange for European Union security guarantees',
      'Vell would give up the port in exchange for sanctions relief',
    ]) {
      expect(sig(title, neutral).reasons, title).not.toContain(
        'Prisoners or hostages were exchanged or freed.',
      );
    }
  });
});

describe('significance: leaving a deal, restoring ties, refusals ahead, meetings still to come', () => {
  it('reads a side quitting or withdrawing from an agreement as material', () => {
    for (const body of [
      'Northland on Monday quit a deal that let Southland export grain through the strait.',
      'The government withdrew from the 2019 fisheries accord on Friday, citing repeated violations.',
    ]) {
      const s = sig('Deal', body);
      expect(s.reasons, body).toContain('A side withdrew from an agreement.');
      expect(s.level, body).toBe('alert');
    }
  });

  it('reads agreeing to resume diplomatic relations as an agreement, and resuming talks as procedure', () => {
    expect(
      sig(
        'Ties',
        'Northland and Southland have agreed to resume diplomatic relations and reopen embassies within two months.',
      ).level,
    ).toBe('alert');
    expect(sig('Talks', 'The delegations agreed to resume talks at expert level next month.').level).toBe(
      'digest',
    );
  });

  it('does not read a refusal ahead ("will not sign", "won\'t accept") as a deal or as talks that failed', () => {
    for (const body of [
      "The prime minister said Northland won't accept a bad deal as the deadline nears.",
      'The prime minister warned on Tuesday that Northland will not sign on to a deal that hurts its workers.',
    ]) {
      const s = sig('Talks', body);
      expect(s.reasons, body).not.toContain('A side accepted a proposal.');
      expect(s.reasons, body).not.toContain('Talks ended without an agreement.');
    }
  });

  it('does not alert on a first meeting that is still to come', () => {
    const s = sig(
      'Summit',
      'President Ana Ruiz will travel to Valletta tomorrow for her first face-to-face meeting with the rival leader in more than ten years.',
    );
    expect(s.reasons).not.toContain(
      'The sides met for the first time in years, or since the conflict began.',
    );
  });
});

describe('significance: strikes ordered to end, armed groups disbanding, ultimatums', () => {
  it('alerts when a government orders a strike to end', () => {
    for (const body of [
      'The labour minister said Friday he had directed the board to order the resumption of operations at the postal service.',
      'Parliament passed back-to-work legislation for striking port workers late on Thursday.',
    ]) {
      expect(sig('Strike', body).reasons, body).toContain('A strike was ordered to end.');
    }
  });

  it('alerts when an armed group decides to disband or lay down its arms, not when it is asked to', () => {
    expect(
      sig(
        'Group disbands',
        'The Northland Liberation Front has announced that it is disbanding and ending its armed struggle.',
      ).level,
    ).toBe('alert');
    expect(
      sig(
        'Talks',
        'The government has demanded that the Northland Liberation Front disarm before talks can begin.',
      ).reasons,
    ).not.toContain('An armed group decided to disband or lay down its arms.');
  });

  it('counts an ultimatum only when one is issued, not when one set before is mentioned', () => {
    expect(sig('Ultimatum', 'The bloc issued an ultimatum to the junta on Sunday.').reasons).toContain(
      'A side set an ultimatum.',
    );
    expect(
      sig(
        'Talks',
        'With two days left before the ultimatum expires, defence chiefs said they had finalised their plans.',
      ).reasons,
    ).not.toContain('A side set an ultimatum.');
  });

  it('alerts when members approve or endorse agreements', () => {
    expect(
      sig(
        'Deal at the fund',
        'The fund’s 90 members approved agreements early Friday to cap lending to coal plants.',
      ).level,
    ).toBe('alert');
    expect(
      sig(
        'Pact backed',
        'Regional leaders endorsed a water-sharing deal at the close of the summit in Lusaka.',
      ).level,
    ).toBe('alert');
  });

  it('does not alert on a signing told as background: "since it was signed", "the groups that signed it"', () => {
    expect(
      sig(
        'Monitors meet in the north',
        'The panel overseeing the 2016 accord met in the port town on Monday for the first time since the deal was signed. It brings together the government and the militias that signed the accord. Few decisions were taken.',
      ).level,
    ).toBe('digest');
    expect(
      sig(
        'Review board meets',
        'The review board gathered in the capital on Tuesday for the first time since the treaty was signed, and agreed only on a calendar. The parties that signed the treaty sent junior delegations.',
      ).level,
    ).toBe('digest');
  });

  it('does not alert on agreeing to set up working groups or to maintain dialogue', () => {
    expect(
      sig(
        'Second round ends',
        'The government panel and the rebels wrapped up their second round of talks on Tuesday, agreeing to set up joint working groups on technical issues.',
      ).level,
    ).toBe('digest');
    expect(
      sig(
        'Commanders agree to maintain dialogue, no breakthrough',
        'The two armies held another round of talks on the border on Sunday without a breakthrough.',
      ).level,
    ).toBe('digest');
  });
});

describe('people freed, mediators and reconvening', () => {
  it('alerts when a person the report names is set free, not when a statement is released', () => {
    for (const body of [
      'The military government freed Daniel Okoro, the jailed editor of an opposition weekly, and nine other detainees on Sunday after a visit by a UN envoy.',
      'Authorities released opposition leader Maria Sokolova on Friday, hours after talks with European mediators in the capital.',
    ]) {
      const s = sig('Talks', body);
      expect(s.reasons, body).toContain('Prisoners or hostages were exchanged or freed.');
      expect(s.level, body).toBe('alert');
    }
    for (const body of [
      'The ministry released a statement on Sunday about the talks with Daniel Okoro and other opposition figures.',
      'The government refused to free Daniel Okoro, the jailed editor, despite the envoy’s visit on Sunday.',
    ]) {
      expect(sig('Talks', body).reasons, body).not.toContain(
        'Prisoners or hostages were exchanged or freed.',
      );
    }
  });

  it('alerts when abducted schoolchildren are released', () => {
    const s = sig(
      'Pupils freed',
      'Gunmen have released 36 of the schoolgirls they seized from a boarding school last month, the state governor said on Monday.',
    );
    expect(s.level).toBe('alert');
  });

  it('does not count former presidents who mediate as leaders of the sides', () => {
    const s = sig(
      'Talks go on',
      'The talks, which opened on Tuesday, are mediated by former Ghanaian President Kwame Asante and former Zambian President Ruth Banda.',
    );
    expect(s.reasons).not.toContain("The sides' leaders met or spoke.");
    expect(s.level).toBe('digest');
  });

  it('reads agreeing to reconvene as agreeing how to go on talking', () => {
    const s = sig(
      'Wage talks stall',
      'The bargaining round ended without movement from either side, and the parties agreed to reconvene next week.',
    );
    expect(s.reasons).not.toContain('An agreement was signed or reached.');
    expect(s.level).toBe('digest');
  });
});

describe('agreeing to look again, agreeing on a need, and a board that must sign off', () => {
  it('reads agreeing to re-examine or review as agreeing how to go on talking', () => {
    for (const body of [
      'The two sides had agreed to re-examine the minimum-price offers, a spokesperson said after the meeting.',
      'The negotiators agreed on Tuesday to review the quota tables before the next session.',
    ]) {
      expect(sig('Talks', body).reasons, body).not.toContain('An agreement was signed or reached.');
      expect(sig('Talks', body).level, body).toBe('digest');
    }
  });

  it('does not read agreeing that something needs doing as a deal', () => {
    const s = sig(
      'Talks',
      'Ministers broadly agreed that the group needs to cut output next year, but the size of the cut is open.',
    );
    expect(s.reasons).not.toContain('An agreement was signed or reached.');
  });

  it('does not read a body that must sign off on any agreement as a signing', () => {
    const s = sig(
      'Talks',
      'He said the board, which must sign off on any agreement, would meet once the talks had concluded.',
    );
    expect(s.reasons).not.toContain('An agreement was signed or reached.');
    expect(s.level).toBe('digest');
    // A signing that happened still counts.
    expect(
      sig('Talks', 'The board signed off on the agreement on Monday after a two-hour meeting.').level,
    ).toBe('alert');
  });
});
