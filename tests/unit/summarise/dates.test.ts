import { describe, expect, it } from 'vitest';
import { findDates } from '../../../functions/domain/summarise/dates';

const pub = new Date('2025-11-24T10:00:00Z'); // a Monday
const dates = (s: string, at = pub) => findDates(s, at).map((d) => d.date);

describe('findDates', () => {
  it('resolves month-day dates against the publication year, into the past', () => {
    expect(dates('Witkoff met Putin on Nov. 20.')).toEqual(['2025-11-20']);
    expect(dates('Witkoff met Putin on Dec. 2.')).toEqual(['2024-12-02']);
    expect(dates('They spoke on Dec. 28.', new Date('2026-01-03T00:00:00Z'))).toEqual(['2025-12-28']);
  });

  it('lets a deadline point ahead, and keeps explicit years', () => {
    expect(dates('Trump had given Ukraine until Nov 27 to accept.')).toEqual(['2025-11-27']);
    expect(dates('The summit is on 30 November 2025.')).toEqual(['2025-11-30']);
  });

  it('resolves a weekday to the past, never the future', () => {
    expect(dates('Rubio met officials in Geneva on Sunday.')).toEqual(['2025-11-23']);
    expect(dates('Zelensky spoke on Friday.')).toEqual(['2025-11-21']);
    expect(dates('He spoke on Monday.')).toEqual(['2025-11-24']);
    expect(dates('They will meet next Tuesday.')).toEqual(['2025-11-25']);
  });

  it('does not read Mar-a-Lago or "may" as dates', () => {
    expect(dates('Zelensky met Trump at Mar-a-Lago.')).toEqual([]);
    expect(dates('Talks may resume; May be the month.')).toEqual([]);
  });

  it('reads lists of days and relative days', () => {
    expect(dates('Earlier sessions were held on Feb. 11, March 13, April 11 and 25.')).toEqual([
      '2025-02-11',
      '2025-03-13',
      '2025-04-11',
      '2025-04-25',
    ]);
    expect(dates('He said yesterday that talks were over.')).toEqual(['2025-11-23']);
    expect(findDates('He met them last week.', pub)[0]).toMatchObject({
      date: '2025-11-17',
      approximate: true,
    });
  });
});
