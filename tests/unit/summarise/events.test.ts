// Dated events: the kind from the verb and its object, one entry per happening, participants who took
// part (not reporters, not possessors), and upcoming ones marked for "what's next".
import { describe, expect, it } from 'vitest';
import { extractEvents } from '../../../functions/domain/summarise/events';
import { analyseText } from './support';

const events = (body: string) => extractEvents(analyseText(body, { actors: [] }));

describe('extractEvents', () => {
  it('takes the kind from the verb and its object, not from any word in the sentence', () => {
    expect(events('Foreign Minister Maria Lopez called the talks useful on Monday.')[0]?.kind).not.toBe(
      'call',
    );
    expect(events('President Ana Ruiz called Prime Minister Ivo Kral on Monday.')[0]?.kind).toBe('call');
    expect(events('Both delegations held talks in Valletta on Monday.')[0]).toMatchObject({
      kind: 'meeting',
      place: 'Valletta',
    });
    expect(events('The two foreign ministers signed the accord in Lisbon on Sunday.')[0]?.kind).toBe(
      'agreement',
    );
    expect(events('The sides swapped 200 prisoners on Saturday.')[0]?.kind).toBe('exchange');
    // Returning to office is no exchange; returning from captivity is.
    expect(
      events('It was the most senior visit since President Ana Ruiz returned to office in January.').map(
        (e) => e.kind,
      ),
    ).not.toContain('exchange');
    expect(events('Some 150 soldiers returned from captivity on Saturday.')[0]?.kind).toBe('exchange');
    expect(events('The ministry released a statement on the talks on Saturday.')[0]?.kind ?? 'none').not.toBe(
      'exchange',
    );
  });

  it('lists people who took part, never the reporter or a possessor', () => {
    const [e] = events(
      'Radio correspondent Pia Berg reported that Mediator Rafael Ortiz met Chief negotiator Luis Romero in Valletta on Monday.',
    );
    expect(e?.participants).toEqual(['Rafael Ortiz', 'Luis Romero']);
    const [f] = events("Omar Said, Rafael Ortiz's deputy, met Luis Romero on Monday.");
    expect(f?.participants).not.toContain('Rafael Ortiz');
  });

  it('keeps one entry per happening', () => {
    const found = events(
      [
        'Mediator Rafael Ortiz met Chief negotiator Luis Romero in Valletta on Monday.',
        'Ortiz said after the meeting on Monday that progress had been made.',
        'Romero confirmed on Monday that the meeting took place.',
      ].join(' '),
    );
    expect(found.filter((e) => e.date === '2025-06-09')).toHaveLength(1);
  });

  it('marks what is still to come, with ranges and month-level dates', () => {
    const found = events(
      'Mediator Rafael Ortiz will meet Luis Romero again on June 20. A referendum is planned for next month.',
    );
    expect(found.find((e) => e.date === '2025-06-20')).toMatchObject({ upcoming: true, kind: 'meeting' });
    expect(found.find((e) => e.date === '2025-07')).toMatchObject({ upcoming: true });
  });

  it('does not add a month the same sentence already dates to the day', () => {
    const found = events(
      'The sides swapped 150 prisoners on June 8, the first exchange agreed earlier this month.',
    );
    expect(found.map((e) => e.date)).toEqual(['2025-06-08']);
  });

  it('does not turn a list of past dates into a string of copies of one sentence', () => {
    expect(
      events('Earlier rounds, held on Jan. 9, March 2, April 7 and 21, each lasted four hours.'),
    ).toEqual([]);
  });

  it('never cuts a description with an ellipsis', () => {
    const long =
      'On Monday, negotiators from both sides, joined by observers from three neighbouring states and a team of legal advisers, met for eleven hours in the border town to settle water rights, grazing land, fishing quotas, customs posts and the return of displaced families.';
    for (const e of events(long)) expect(e.description).not.toMatch(/…|\.\.\.$/);
  });

  it('dates a retrospective paragraph in the year it gave, not the publication year', () => {
    const found = events(
      'The first meetings took place days after the war began on February 24, 2022. The process moved to Valletta in March, and on March 29 the delegations met at the old palace.',
    );
    expect(found.map((e) => e.date)).toContain('2022-03-29');
    expect(found.map((e) => e.date)).not.toContain('2025-03-29');
  });

  it('dates a happening named as the subject of "ended"/"opened", and a line opening "The two-day …"', () => {
    const found = events(
      'The two-day Summit on River Basins ended at the lakeside resort above Lake Orta on Sunday with a joint communiqué supported by 40 countries, while several large economies declined to sign.',
    );
    expect(found.map((e) => [e.date, e.kind])).toContainEqual(['2025-06-08', 'summit']);
    const talks = events(
      'Talks between the union and the port authority resumed in Rotterdam on Monday with a new mediator.',
    );
    expect(talks.map((e) => e.kind)).toContain('meeting');
  });

  it("dates a happening named by its day's possessive, but not a day's mood", () => {
    const dated = events(
      "Officials condemned Wednesday's strike on the children's hospital in the port city.",
    );
    expect(dated.map((e) => e.date)).toContain('2025-06-04');
    const mood = events("Monday's telephone diplomacy left the envoys more hopeful than before.");
    expect(mood.map((e) => e.date)).not.toContain('2025-06-09');
  });

  it('dates the happening a "day after" clause tells, with its own kind, from the day the text gave', () => {
    const found = events(
      [
        'President Ana Ruiz called Prime Minister Ivo Kral on June 4.',
        'The call came a day after the rebels freed two aid workers held since March.',
      ].join(' '),
    );
    expect(found.find((e) => e.date === '2025-06-03')?.kind).toBe('exchange');
    const meeting = events(
      'The envoys met in Valletta on June 2. The meeting came a day after rebels carried out a drone attack on an air base.',
    );
    // The attack is not a meeting, whatever the sentence's subject is.
    expect(meeting.find((e) => e.date === '2025-06-01')?.kind).not.toBe('meeting');
  });
});

describe('timelines ahead and long asides', () => {
  it('keeps a list of deadlines ahead on the timeline (only a list of past days is background)', () => {
    const dates = events(
      'The mediators set out the timetable on Tuesday. The parties are to withdraw heavy weapons by June 20, open the border crossings by June 30 and hold a referendum by July 15.',
    ).map((e) => e.date);
    expect(dates).toEqual(expect.arrayContaining(['2025-06-20', '2025-06-30', '2025-07-15']));
  });

  it('dates a sentence whose subject has a long list set off by dashes, with the list cut from its line', () => {
    const e = events(
      'The leaders who joined the president — the prime ministers of Northland, Southland, Eastland and Westland, the chancellor of Midland, the presidents of the council and of the commission the foreign ministers of three neighbouring states and the secretary-general of the alliance — came partly to avoid a repeat of the clash in February, when the two men argued before cameras.',
    ).find((x) => x.date === '2025-02');
    expect(e?.description).toBe(
      'The leaders who joined the president came partly to avoid a repeat of the clash in February, when the two men argued before cameras.',
    );
  });
});

describe('what a sentence leaning on the one before dates', () => {
  it('tells what came before "It came a day after" or "It followed" as the line', () => {
    const e = extractEvents(
      analyseText(
        'The two delegations met in the palace on Monday for just over an hour. It came a day after the rebels carried out their boldest raid of the war on an airbase in the north.',
        { actors: [], publishedAt: '2025-06-03T12:00:00Z' },
      ),
    );
    expect(e.find((x) => x.date === '2025-06-01')?.description).toBe(
      'The rebels carried out their boldest raid of the war on an airbase in the north.',
    );
    const f = extractEvents(
      analyseText(
        'The president posted a warning on Friday. It followed a missile attack on the capital on Thursday that killed 12 people, after which he wrote again.',
        { actors: [], publishedAt: '2025-04-26T12:00:00Z' },
      ),
    );
    expect(f.find((x) => x.date === '2025-04-24')?.description).toBe(
      'A missile attack on the capital on Thursday that killed 12 people.',
    );
  });

  it("leaves an editor's note about the page's updates off the timeline", () => {
    const out = events(
      "Editor's note: This story was updated on Thursday with reaction from the border towns.\n\nThe two ministers signed the accord in Brussels on Wednesday.",
    );
    expect(out.map((e) => e.date)).toEqual(['2025-06-04']);
  });

  it('dates "That truce …" on the timeline as "The truce …", never a line opening on "That"', () => {
    const evs = events(
      'The two sides met in Valletta on Monday.\n\nThat truce, extended in March, is due to expire on June 30.',
    );
    expect(evs.find((e) => e.date === '2025-06-30')).toMatchObject({
      kind: 'deadline',
      description: 'The truce, extended in March, is due to expire on June 30.',
    });
    expect(events('This round is scheduled for June 20 in Doha.')[0]?.description).toBe(
      'The round is scheduled for June 20 in Doha.',
    );
    // "That is why …" points at no noun: no line.
    expect(events('That is why the talks resumed on Monday.').map((e) => e.description)).not.toContain(
      'The is why the talks resumed on Monday.',
    );
  });

  it('puts no "Deadline with X." on the timeline when no line says what is due', () => {
    const evs = events(
      'There was no immediate comment from Norland, whose president-elect, Ana Ruiz, is due to be sworn in on Thursday.',
    );
    for (const e of evs) expect(e.description).not.toMatch(/^Deadline with/);
  });

  it('dates each predicate of a sentence that tells several past happenings, with its own line', () => {
    const evs = extractEvents(
      analyseText(
        'Dockers first rejected a four-year offer on March 27 and turned down a revised version on April 3, walking off the job the next day. The strike ended on Tuesday.',
        { actors: [] },
      ),
    );
    expect(evs.find((e) => e.date === '2025-03-27')?.description).toBe(
      'Dockers first rejected a four-year offer on March 27.',
    );
    expect(evs.find((e) => e.date === '2025-04-03')?.description).toBe(
      'Dockers turned down a revised version on April 3.',
    );
    // No entry repeats the whole sentence.
    expect(evs.filter((e) => /walking off/.test(e.description))).toEqual([]);
    // An "and" inside a relative clause joins that clause's verbs: no "Driscoll continued Tuesday".
    const talks = extractEvents(
      analyseText(
        'The envoy met a Northland delegation in Vell in talks that began on Monday and continued on Tuesday, officials said.',
        { actors: [] },
      ),
    );
    for (const e of talks) expect(e.description).toMatch(/^The envoy met a Northland delegation/);
  });
});

describe('documents named in the text', () => {
  it('never reads a document opening on a title word ("General Agreement …") as a person', () => {
    for (const e of events(
      'They also agreed to implement the Border Cooperation Agreement signed on April 17, 2001, and the General Agreement for Cooperation in the fields of trade, culture and youth signed on May 27, 1998.',
    )) {
      expect(e.participants).not.toContain('Agreement for Cooperation');
      expect(e.description).not.toMatch(/with Agreement/);
    }
  });

  it('dates a document by the participle after its name when the sentence gives no line of its own', () => {
    const out = events(
      'They also agreed to implement the Border Cooperation Agreement signed on April 17, 2001, and the General Agreement for Cooperation in the fields of trade, culture and youth signed on May 27, 1998.',
    );
    expect(out.find((e) => e.date === '2001-04-17')?.description).toBe(
      'The Border Cooperation Agreement was signed.',
    );
    expect(out.find((e) => e.date === '1998-05-27')?.description).toBe(
      'The General Agreement for Cooperation was signed.',
    );
  });
});

describe('a date counted from another happening', () => {
  it('gives that happening its own line: the clause after "a day after"', () => {
    const out = events(
      'Envoy Ana Ruiz met the speaker on Tuesday, one day after Northland delivered its response to the truce proposal.',
    );
    const counted = out.find((e) => e.description.startsWith('Northland delivered'));
    expect(counted?.description).toBe('Northland delivered its response to the truce proposal.');
    expect(out.find((e) => e !== counted)?.description).toMatch(/^Envoy Ana Ruiz met the speaker/);
  });
});

describe('a date inside a clause with its own subject and verb', () => {
  it('gives that clause its own line and kind ("since President Ana Ruiz took office in January")', () => {
    const out = events(
      'The first round was held in Valletta last Saturday, the first such talks since President Ana Ruiz took office in January.',
    );
    const january = out.find((e) => e.date.endsWith('-01'));
    expect(january?.description).toBe('President Ana Ruiz took office in January.');
    expect(january?.kind).toBe('other');
  });

  it('reads a date that names an end as a deadline, whatever the verb', () => {
    const a = events(
      'The chief negotiator returned home on Monday without a tariff agreement, as a July 9 deadline for higher duties draws near.',
    );
    expect(a.find((e) => e.date.endsWith('-07-09'))?.kind).toBe('deadline');
    const b = events('The stopgap law funds the agencies through June 30 while a panel negotiates.');
    expect(b.find((e) => e.date.endsWith('-06-30'))?.kind).toBe('deadline');
  });
});

describe('past happenings told in one sentence, each with its own words', () => {
  it('dates each happening, where a list of past dates stays background', () => {
    const got = events(
      'The accord builds on a truce signed in Doha in March 2019, weeks after the election of Ana Ruiz in January that year, and on a framework agreed in Oslo on 4 May 2023.',
    ).map((e) => e.date);
    expect(got).toEqual(expect.arrayContaining(['2019-03', '2019-01', '2023-05-04']));
    const other = events(
      'The plan follows a ceasefire declared in Lima in June 2018, a prisoner swap carried out in Quito in August 2020 and a border deal struck in Cusco in May 2022.',
    ).map((e) => e.date);
    expect(other).toEqual(expect.arrayContaining(['2018-06', '2020-08', '2022-05']));
  });
});

describe('what a lead, an attribution and a "since" date', () => {
  const on = (body: string, publishedAt = '2025-10-31T10:00:00Z') =>
    extractEvents(analyseText(body, { actors: [], publishedAt }));

  it('dates an undated lead told in the present perfect on the publication day', () => {
    const got = on(
      'The league has agreed a deal with the players union for the new season to start on time, ending a month-long standoff.',
    );
    expect(got.map((e) => [e.date, e.kind])).toContainEqual(['2025-10-31', 'agreement']);
    // A lead that only speaks is no happening of the day.
    expect(
      on('The minister has said the talks with the teachers union are going well and will go on.').map(
        (e) => e.date,
      ),
    ).not.toContain('2025-10-31');
  });

  it('gives the attribution its own day after a plan ahead in the same sentence', () => {
    const got = on(
      'Peru and Chile have agreed to keep the truce, with a meeting to be held in Doha next Thursday, the mediators said late on Thursday.',
    ).map((e) => e.date);
    expect(got).toEqual(expect.arrayContaining(['2025-10-30', '2025-11-06']));
  });

  it('counts "a day after the round of talks collapsed" back from the day told before', () => {
    const got = on(
      'The statement was released late on Thursday. It came a day after the second round of talks appeared to have collapsed.',
    );
    expect(got.map((e) => [e.date, e.kind])).toEqual(
      expect.arrayContaining([
        ['2025-10-29', 'other'],
        ['2025-10-30', 'statement'],
      ]),
    );
  });

  it('does not tell the next dates of a paragraph in the year a "since" clause named', () => {
    const got = on(
      'The truce was first agreed on October 19 after the worst fighting since the army took power in August 2021. Clashes erupted along the border on October 11, killing dozens.',
    ).map((e) => e.date);
    expect(got).toContain('2025-10-11');
    expect(got).not.toContain('2021-10-11');
  });
});

describe('a happening named with an aside before its verb', () => {
  it('dates "a day after the round of talks, which began on Saturday, appeared to collapse" with the whole clause', () => {
    const got = extractEvents(
      analyseText(
        'The statement was released late on Thursday. It came a day after the second round of talks, which began in Lisbon on Saturday, appeared to have collapsed.',
        { actors: [], publishedAt: '2025-10-31T10:00:00Z' },
      ),
    );
    expect(got).toContainEqual(
      expect.objectContaining({
        date: '2025-10-29',
        description: 'The second round of talks appeared to have collapsed.',
      }),
    );
    // The aside's own day never takes the collapse for its line.
    for (const e of got.filter((x) => x.date === '2025-10-25'))
      expect(e.description).not.toMatch(/collapsed/);
  });
});
