import { describe, expect, it } from 'vitest';
import { findDates } from '../../../functions/domain/summarise/dates';

const pub = new Date('2025-06-10T10:00:00Z'); // a Tuesday
const dates = (s: string, at = pub) => findDates(s, at).map((d) => d.date);

describe('findDates', () => {
  it('resolves month-day dates against the publication year, into the past', () => {
    expect(dates('The envoys met on June 3.')).toEqual(['2025-06-03']);
    expect(dates('The envoys met on Sept. 14.')).toEqual(['2024-09-14']);
    expect(dates('They spoke on Dec. 28.', new Date('2026-01-03T00:00:00Z'))).toEqual(['2025-12-28']);
  });

  it('points ahead after a forward-looking word, and keeps explicit years', () => {
    expect(dates('The rebels were given until June 30 to withdraw.')).toEqual(['2025-06-30']);
    expect(dates('The summit is on 4 July 2026.')).toEqual(['2026-07-04']);
    expect(dates('A final round is scheduled for Friday.')).toEqual(['2025-06-13']);
    expect(dates('Sanctions are expected to take effect on Monday.')).toEqual(['2025-06-16']);
  });

  it('keeps a month in the past when a past-tense verb stands between a forward word and it', () => {
    expect(
      dates('Talks resumed a week before the deadline set when the union ended a strike in October.'),
    ).toEqual(['2024-10']);
    expect(dates('The deadline was extended after the miners walked out in March.')).toEqual(['2025-03']);
    // A passive after the cue, or the plan's own verb, still points ahead.
    expect(dates('The accord is expected to be signed in October.')).toEqual(['2025-10']);
    expect(dates('An official said the next round was pencilled in for Aug. 1.')).toEqual(['2025-08-01']);
  });

  it('keeps a month in the past when its own past-tense verb and object lead to it, whatever comes after', () => {
    expect(
      dates('A week before a truce that ended the fighting in October is due to lapse, envoys met.'),
    ).toContain('2024-10');
    expect(dates('The pact, which the two rivals signed in September, is set to expire soon.')).toContain(
      '2024-09',
    );
  });

  it('points "to be held", "to take place" ahead', () => {
    expect(dates('They agreed on a further meeting to be held in September.')).toEqual(['2025-09']);
    expect(dates('The leaders said a summit was to take place in October.')).toEqual(['2025-10']);
  });

  it('points a weekday that names a deadline ahead, unless the deadline has passed', () => {
    // pub is a Tuesday (June 10): the Friday deadline is June 13, a deadline missed last Friday June 6.
    expect(dates("Negotiators from Northland are racing against Southland's Friday deadline.")).toEqual([
      '2025-06-13',
    ]);
    expect(dates('The union ignored the Friday deadline and walked out.')).toEqual(['2025-06-06']);
  });

  it('reads the second of two months that share a preposition', () => {
    expect(dates('Two rounds of talks were held in February and March.')).toEqual(['2025-02', '2025-03']);
    expect(dates('Votes are planned in November and January.')).toEqual(['2025-11', '2026-01']);
  });

  it('points "by/before the end of" a month ahead, even in a past-tense sentence', () => {
    expect(dates('Northland proposed a summit before the end of August.')).toEqual(['2025-08']);
    expect(dates('The bloc says it will act by the end of October at the latest.')).toEqual(['2025-10']);
    expect(dates('The talks collapsed at the end of March.')).toEqual(['2025-03']);
  });

  it("reads months named relative to now or to the paragraph's year, and year ends", () => {
    expect(dates('The subsidy was removed in May last year.')).toEqual(['2024-05']);
    expect(dates('They met in Nairobi last November.')).toEqual(['2024-11']);
    expect(dates('The text must be agreed by the end of this year.')).toEqual(['2025-12']);
    expect(dates('The contract runs until the end of 2027.')).toEqual(['2027-12']);
    expect(dates('Talks are due to resume next March.')).toEqual(['2026-03']);
    expect(findDates('The truce expired that October.', pub, '2022-04-02').map((d) => d.date)).toEqual([
      '2022-10',
    ]);
  });

  it('reads a day without a year as the coming one when the past reading is a year back, unless told in the past', () => {
    const october = new Date('2022-10-11T08:00:00Z');
    expect(
      dates("The governor's term ends on October 31, and voters go to the polls on Nov. 2.", october),
    ).toEqual(['2022-10-31', '2022-11-02']);
    expect(dates('The fishing accord lapses on 14 December.', october)).toEqual(['2022-12-14']);
    // Told in the past tense, the same distance back is last year's.
    expect(dates('The port authority signed a lease with the operator on Nov. 2.', october)).toEqual([
      '2021-11-02',
    ]);
    expect(dates('The council formally adopted the plan on 30 December.', october)).toEqual(['2021-12-30']);
  });

  it('reads a proposal told in the past perfect as still ahead ("had proposed holding … between June 20 and …")', () => {
    expect(
      dates(
        'He said Northland had proposed holding the next round between June 20 and the end of the month.',
      ),
    ).toContain('2025-06-20');
  });

  it('reads a plan that "had been due" on a day a week ahead as that day, not last year\'s', () => {
    expect(dates('The deal averted a 25% levy that had been due to take effect on June 18.')).toEqual([
      '2025-06-18',
    ]);
  });

  it('reads a plan that "had been scheduled" for a weekday as the nearer such day, past or ahead', () => {
    expect(dates('The conference had been scheduled to close on Saturday.')).toEqual(['2025-06-07']);
    expect(dates('The vote had been expected on Monday but was postponed.')).toEqual(['2025-06-09']);
    expect(dates('His own trip, now put off, had been scheduled for Wednesday.')).toEqual(['2025-06-11']);
  });

  it('points "is to … on Wednesday" ahead', () => {
    expect(dates('The premier is to put the accord to his cabinet on Wednesday.')).toEqual(['2025-06-11']);
    expect(dates('Negotiators are to present the text to parliament on Friday.')).toEqual(['2025-06-13']);
  });

  it('counts "a day later", "a week earlier", "the following Saturday" from the date the text gave', () => {
    const from = (s: string, reference?: string) =>
      findDates(s, pub, undefined, reference).map((d) => [d.date, d.fromReference ?? '']);
    expect(from('The strike was suspended a day later for two weeks.', '2025-05-20')).toEqual([
      ['2025-05-21', 'main'],
    ]);
    expect(
      from('As at the first round in Muscat a week earlier, the host carried messages.', '2025-05-31'),
    ).toEqual([['2025-05-24', 'main']]);
    expect(from('They agreed to meet again the following Saturday.', '2025-05-31')).toEqual([
      ['2025-06-07', 'main'],
    ]);
    expect(from('The union walked out on May 12 and picketing began early the next day.')).toEqual([
      ['2025-05-12', ''],
      ['2025-05-13', 'main'],
    ]);
    expect(from('Two days earlier the committee had rejected the offer.', '2025-03-03')).toEqual([
      ['2025-03-01', 'main'],
    ]);
    // "after"/"before" with a clause dates the clause's happening.
    expect(from('The call came a day after the rebels freed two aid workers.', '2025-04-09')).toEqual([
      ['2025-04-08', 'clause'],
    ]);
    expect(from('The envoy spoke on Monday, two days before the truce is due to expire.')).toEqual([
      ['2025-06-09', ''],
      ['2025-06-11', 'clause'],
    ]);
    expect(from('The swap, announced late on Sunday, came hours after the decree was signed.')).toEqual([
      ['2025-06-08', ''],
      ['2025-06-08', 'clause'],
    ]);
    // A date that names a thing is not when the sentence happens; nothing to count from, nothing found.
    expect(from('The board released its May 2 offer some 20 minutes after the session ended.')).toEqual([
      ['2025-05-02', ''],
    ]);
    expect(from('A day later the talks resumed.')).toEqual([]);
  });

  it('reads a happening told in the present before its day as still to come', () => {
    const monday = new Date('2023-07-10T08:00:00Z');
    expect(dates('Alliance leaders meet in Riga on Tuesday and Wednesday.', monday)).toEqual([
      '2023-07-11',
      '2023-07-12',
    ]);
    expect(dates('Training camps open Friday, with players due to report by Sunday.', monday)).toContain(
      '2023-07-14',
    );
    // Told in the past, the same weekday is last week's.
    expect(dates('The ministers met in Riga on Tuesday.', monday)).toEqual(['2023-07-04']);
  });

  it('reads a month a few weeks ahead as coming, unless told in the past', () => {
    const january = new Date('2024-01-26T08:00:00Z');
    expect(dates('Exporters face higher duties from April, when the transition ends.', january)).toEqual([
      '2024-04',
    ]);
    expect(dates('The clashes in March drew wide condemnation.', january)).toEqual(['2023-03']);
  });

  it('counts from a named happening, and reads "for 30 days after" as a length of time', () => {
    const from = (s: string, reference?: string) =>
      findDates(s, pub, undefined, reference).map((d) => [d.date, d.fromReference ?? '']);
    // The sentence's own happening, a week before the meeting the text dated.
    expect(from('Ottawa had signalled its objection a week before the meeting.', '2025-05-20')).toEqual([
      ['2025-05-13', 'main'],
    ]);
    // The sentence dated itself first: the count dates the deadline it names.
    expect(from('The envoy met both parties today, three days before a deadline for a deal.')).toEqual([
      ['2025-06-10', ''],
      ['2025-06-13', 'clause'],
    ]);
    // A clause with its own verb after "before" is that clause's happening.
    expect(from('The talks resumed on Wednesday, 12 days before the current contract expires.')).toEqual([
      ['2025-06-04', ''],
      ['2025-06-16', 'clause'],
    ]);
    expect(from('Both sides agreed to halt strikes for 30 days after the call.', '2025-06-03')).toEqual([]);
  });

  it('reads "Feb. 1 next year", "toward mid-February" and "the following month"', () => {
    expect(dates('Another 15 drugs will be chosen by Feb. 1 next year.')).toEqual(['2026-02-01']);
    expect(dates('Talks will continue toward mid-February.')).toEqual(['2026-02']);
    const from = (s: string, reference?: string) =>
      findDates(s, pub, undefined, reference).map((d) => [d.date, d.fromReference ?? '']);
    expect(from('Lisbon joined the following month.', '2023-03-29')).toEqual([['2023-04', 'main']]);
  });

  it('counts "a day after the strike" back from the dated happening the sentence is about', () => {
    const from = (s: string, reference?: string) =>
      findDates(s, pub, undefined, reference).map((d) => [d.date, d.fromReference ?? '']);
    // The meeting was dated before: the strike is the day before it.
    expect(from('The meeting came a day after a massive strike on the capital.', '2025-05-28')).toEqual([
      ['2025-05-27', 'clause'],
    ]);
    // A new subject: the sentence's own happening is counted from the meeting the text dated.
    expect(from('Ottawa had signalled its objection a week before the meeting.', '2025-05-20')).toEqual([
      ['2025-05-13', 'main'],
    ]);
  });

  it('reads "this morning" as the publication day', () => {
    expect(dates('The minister told radio this morning the talks were over.')).toEqual(['2025-06-10']);
  });

  it('counts "ago" back from the publication day', () => {
    expect(dates('A year ago today, the two leaders stood side by side.')).toEqual(['2024-06-10']);
    expect(dates('The last round broke up two months ago.')).toEqual(['2025-04']);
    // A week inside one month is that month; one across two months is the week of its Monday.
    expect(dates('They last met three weeks ago.')).toEqual(['2025-05']);
    expect(findDates('They last met two weeks ago.', new Date('2025-06-12T00:00:00Z'))[0]).toMatchObject({
      date: '2025-05-26',
      approximate: true,
    });
  });

  it('tells a year-less date in the year the paragraph anchored, when it falls after the anchor', () => {
    const anchored = (s: string) => findDates(s, pub, '2022-02-24').map((d) => d.date);
    expect(anchored('The process moved to the capital in March, and on March 29 the teams met.')).toEqual([
      '2022-03',
      '2022-03-29',
    ]);
    // January comes before the anchor: counted from the publication day as usual.
    expect(anchored('The package was published on January 31.')).toEqual(['2025-01-31']);
  });

  it('resolves a bare weekday to the past', () => {
    expect(dates('Negotiators met in the capital on Sunday.')).toEqual(['2025-06-08']);
    expect(dates('He spoke on Tuesday.')).toEqual(['2025-06-10']);
    expect(dates('They will meet next Tuesday.')).toEqual(['2025-06-17']);
  });

  it('reads ranges, lists, months and relative days', () => {
    expect(findDates('The round ran on May 28 - 29 in the port city.', pub)[0]).toMatchObject({
      date: '2025-05-28',
      until: '2025-05-29',
    });
    expect(dates('Earlier rounds took place on Jan. 9, March 2, April 7 and 21.')).toEqual([
      '2025-01-09',
      '2025-03-02',
      '2025-04-07',
      '2025-04-21',
    ]);
    expect(dates('The plan was first drafted in February and revised last month.')).toEqual([
      '2025-02',
      '2025-05',
    ]);
    expect(dates('A vote is planned for next month.')).toEqual(['2025-07']);
    expect(
      dates('A summit pencilled in for early January was put off.', new Date('2025-12-19T00:00:00Z')),
    ).toEqual(['2026-01']);
    expect(dates('The clashes in August drew condemnation.')).toEqual(['2024-08']);
    // "last week" and "next week" are weeks: the month when the whole week lies in one, else the week
    // of its Monday (marked approximate), never a day the text did not give.
    expect(findDates('They met last week.', pub)[0]).toMatchObject({ date: '2025-06' });
    expect(findDates('They met last week.', pub)[0]?.approximate).toBeUndefined();
    expect(findDates('They meet again next week.', pub)[0]).toMatchObject({ date: '2025-06' });
    expect(findDates('They met last week.', new Date('2025-07-09T00:00:00Z'))[0]).toMatchObject({
      date: '2025-06-30',
      approximate: true,
    });
    expect(findDates('They meet again next week.', new Date('2025-07-24T00:00:00Z'))[0]).toMatchObject({
      date: '2025-07-28',
      approximate: true,
    });
    expect(dates('Police cleared the square last weekend.')).toEqual(['2025-06-07']);
  });

  it('does not read a place or a modal verb as a date', () => {
    expect(dates('The envoys flew to Mar-a-Lago.')).toEqual([]);
    expect(dates('Talks may resume soon.')).toEqual([]);
    expect(dates('The ceasefire took effect at 17:00 hours.')).toEqual([]);
  });
});

describe('deadlines ahead', () => {
  it('reads "no later than" a year-less day as the coming one, even after a past-tense verb', () => {
    const found = findDates(
      'They agreed to begin pulling back no later than March 29 and to reopen the crossings by April 8.',
      new Date('2026-03-19T12:00:00Z'),
    ).map((d) => d.date);
    expect(found).toEqual(['2026-03-29', '2026-04-08']);
  });
});

describe('plans told in the past and plans still ahead', () => {
  const december = new Date('2024-12-12T10:00:00Z');
  it('reads a month a past plan was set for as the nearer of the two years', () => {
    expect(dates('A third round planned for September was postponed.', december)).toEqual(['2024-09']);
    expect(dates('The review, scheduled for October, was put off.', december)).toEqual(['2024-10']);
    // Called off months ahead: still next year's March.
    expect(dates('A summit planned for March was called off.', december)).toEqual(['2025-03']);
  });

  it('reads "as soon as" and "as early as" a weekday as the coming one', () => {
    expect(dates('The House could vote as soon as Wednesday.')).toEqual(['2025-06-11']);
    expect(dates('Talks could resume as early as Monday, officials said.')).toEqual(['2025-06-16']);
  });
});

describe('this week', () => {
  it('reads "this week", "earlier this week" and "later this week" as the week of publication', () => {
    // Tuesday 10 June 2025: the week of 9–15 June lies in June.
    expect(dates('Envoys met in Berlin earlier this week.')).toEqual(['2025-06']);
    expect(dates('A vote is expected later this week.')).toEqual(['2025-06']);
    // Wednesday 2 July 2025: the week of 30 June – 6 July spans two months.
    expect(findDates('The talks opened this week.', new Date('2025-07-02T09:00:00Z'))[0]).toMatchObject({
      date: '2025-06-30',
      approximate: true,
    });
  });

  it('reads "the plan to X" as a noun, not a plan ahead, and a date right after a past form as past', () => {
    // pub is a Tuesday: last Thursday is June 5, next Thursday June 12.
    expect(dates('The envoy flew to Vell and presented the plan to the president on Thursday.')).toEqual([
      '2025-06-05',
    ]);
    expect(dates('He handed their peace plan to the mediators on Thursday.')).toEqual(['2025-06-05']);
    expect(dates('The ministry plans to hold the vote on Thursday.')).toEqual(['2025-06-12']);
    expect(dates('The truce, extended in March, is due to expire on August 10.')).toEqual([
      '2025-03',
      '2025-08-10',
    ]);
    expect(dates('The accord will be signed in March, officials said.')).toEqual(['2026-03']);
  });

  it("points a weekday opening a sentence ahead when the sentence's own verb is future", () => {
    // pub is a Tuesday: last Monday is June 9, next Monday June 16.
    expect(dates('On Monday, Vell will mark three years since the invasion.')).toEqual(['2025-06-16']);
    expect(dates('On Friday the ministers are due to meet in Lisbon.')).toEqual(['2025-06-13']);
    // A reported future keeps the day in the past.
    expect(dates('On Monday, officials said the talks would resume.')).toEqual(['2025-06-09']);
  });

  it('reads a month after a capitalised preposition opening the sentence', () => {
    expect(dates('In May 2023, the agency set out five principles for the plant.')).toEqual(['2023-05']);
    expect(dates('Since February the two sides have not met.')).toEqual(['2025-02']);
    expect(dates('Early March 2022 saw the first talks.')).toEqual(['2022-03']);
    // "May" the verb stays no month.
    expect(dates('Officials may meet again soon.')).toEqual([]);
  });

  it('reads "Last November," and "Next March" opening a sentence like their lower-case forms', () => {
    expect(dates('Last November, the envoys met in Vell.')).toEqual(
      dates('The envoys met in Vell last November.'),
    );
    expect(dates('Last November, the envoys met in Vell.')).toEqual(['2024-11']);
    expect(dates('Next March the envoys will meet again.')).toEqual(['2026-03']);
    expect(dates('Last Friday, the envoys met in Vell.')).toEqual(
      dates('The envoys met in Vell last Friday.'),
    );
    expect(dates('This Friday the envoys meet again.')).toEqual(dates('The envoys meet again this Friday.'));
  });

  it('reads a date that is the object of a planning verb as the plan’s day, ahead', () => {
    // Published Tuesday 10 June 2025.
    expect(dates('The mediators on Sunday proposed June 24 as the date for a third round.')).toEqual([
      '2025-06-08',
      '2025-06-24',
    ]);
    expect(dates('The union set July 1 as the deadline for a new offer.')).toEqual(['2025-07-01']);
    // Told with a preposition it is a past happening as before.
    expect(dates('The mediators proposed a plan on June 4.')).toEqual(['2025-06-04']);
  });

  it('gives a month before "and" the year written after the second one', () => {
    expect(dates('The accord, signed in May and June 2019 in Algiers, was meant to end the revolt.')).toEqual(
      ['2019-05', '2019-06'],
    );
    expect(dates('Votes held in November or December 2021 decided it.')).toEqual(['2021-11', '2021-12']);
  });

  it('points ahead after "could be held" and similar modals with a participle', () => {
    expect(dates('A referendum could be held in January, the commission said.')).toEqual(['2026-01']);
    expect(dates('The treaty may be signed in March.')).toEqual(['2026-03']);
    expect(dates('He may be right that in March they met.')).toEqual(['2025-03']);
  });

  it('gives every day of a list written before its month', () => {
    expect(dates('Guards walked out on 3, 4, 6 and 7 June, and drivers struck on 5 June.')).toEqual([
      '2025-06-03',
      '2025-06-04',
      '2025-06-06',
      '2025-06-07',
      '2025-06-05',
    ]);
    expect(dates('Sessions on 15 and 16 March 2024 ended without a text.')).toEqual([
      '2024-03-15',
      '2024-03-16',
    ]);
  });

  it('points ahead after "toward", "no earlier than" and "looked forward to", not after "met again on"', () => {
    // Published Tuesday 10 June 2025.
    expect(
      dates('The talks came as the clock ticked toward June 15, the date the fund has warned of.'),
    ).toEqual(['2025-06-15']);
    expect(dates('Matches were pushed back to no earlier than June 20.')).toEqual(['2025-06-20']);
    expect(dates('The league said it looked forward to resuming the talks on Thursday.')).toEqual([
      '2025-06-12',
    ]);
    expect(dates('The sides met again on Saturday and talked for an hour.')).toEqual(['2025-06-07']);
    expect(dates('They agreed to meet again on Saturday.')).toEqual(['2025-06-14']);
  });

  it('points ahead after "through" a date and for a weekday something is called for', () => {
    // Published Tuesday 10 June 2025.
    expect(dates('The stopgap funds shuttered agencies through June 30 while a panel negotiates.')).toEqual([
      '2025-06-30',
    ]);
    expect(dates('The talks ran through June 2 without a deal.')).toEqual(['2025-06-02']);
    expect(dates('The party has called rallies in every provincial capital for Sunday.')).toEqual([
      '2025-06-15',
    ]);
    expect(dates('The rallies held on Sunday drew thousands.')).toEqual(['2025-06-08']);
  });

  it('reads "last night" as the day before and "the start of the year" as its first month', () => {
    // Published Tuesday 10 June 2025.
    expect(dates('The two leaders confirmed the deal during a video call last night.')).toEqual([
      '2025-06-09',
    ]);
    expect(dates('Mediators have shuttled between the parties since the start of the year.')).toEqual([
      '2025-01',
    ]);
    expect(dates('The rules take effect at the beginning of 2027.')).toEqual(['2027-01']);
  });
});

describe('a month in "that year"', () => {
  it('takes the year the sentence dated before it', () => {
    expect(dates('The strike began in March 2019 and ended in October of the same year.')).toEqual([
      '2019-03',
      '2019-10',
    ]);
    expect(dates('A truce was signed in November 2013, months after the vote in June that year.')).toEqual([
      '2013-11',
      '2013-06',
    ]);
  });
});

describe('a month or a day told from today', () => {
  it('reads "at the end of the month" and "by the end of next month" as that month', () => {
    expect(dates('The leaders are due to meet again at the end of the month in the south.')).toEqual([
      '2025-06',
    ]);
    expect(dates('A text should be ready by the end of next month, the mediator said.')).toEqual(['2025-07']);
  });

  it('reads "in two weeks" and "in 10 days\' time" as a day ahead, never a span back or a past duration', () => {
    expect(dates('The speaker asked her to report back in two weeks.')).toEqual(['2025-06-24']);
    expect(dates("The envoys will meet again in 10 days' time.")).toEqual(['2025-06-20']);
    expect(dates('It was the first rise in two weeks.')).toEqual([]);
    expect(dates('They made no progress in two weeks of talks.')).toEqual([]);
    expect(dates('The deal was reached in two days.')).toEqual([]);
  });

  it('tells a plan from today even after a paragraph about a past year', () => {
    const got = findDates(
      'The co-chairs said the next round would take place in Geneva in December.',
      pub,
      '2008-10',
    ).map((d) => d.date);
    expect(got).toEqual(['2025-12']);
    // Without a plan, a month after that past date is still told in its year.
    expect(findDates('Fighting resumed in December.', pub, '2008-10').map((d) => d.date)).toEqual([
      '2008-12',
    ]);
  });
});

describe('a month after "to"', () => {
  it('reads "dates back to June 2021", "postponed to March" ahead, and "from May to June 2015" as one range', () => {
    expect(
      dates('The pressure to finish the rules dates back to June 2021, when the island invoked the clause.'),
    ).toEqual(['2021-06']);
    expect(dates('The vote was postponed to March because of the floods.')).toEqual(['2026-03']);
    expect(dates('The vote was postponed in March and never held.')).toEqual(['2025-03']);
    expect(dates('The talks ran from May to June 2015 in Lausanne.')).toEqual(['2015-05', '2015-06']);
  });
});

describe('"over the weekend"', () => {
  it('is the weekend just past, or the coming one when the sentence tells what will happen', () => {
    // Published on Tuesday 10 June 2025: the weekend before is 7–8 June, the next 14–15 June.
    expect(dates('The minister put a final offer on the table over the weekend.')).toEqual(['2025-06-07']);
    expect(dates('The two sides will keep talking over the weekend.')).toEqual(['2025-06-14']);
  });
});
