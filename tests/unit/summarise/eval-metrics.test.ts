// The eval's line check: what a reader would call a broken line, on hand-written lines.
import { describe, expect, it } from 'vitest';
import { lineFaults, measureArticle, sameSpeaker } from '../../../scripts/eval-metrics';

describe('lineFaults', () => {
  it('counts words credited to a bare pronoun anywhere in the line as dangling', () => {
    expect(lineFaults('"Nothing is agreed until we meet," he told reporters.')).toContain('dangling');
    expect(lineFaults('A text that cannot name the river, she said, is "not neutral".')).toContain(
      'dangling',
    );
    expect(lineFaults('He added that the talks would go on.')).toContain('dangling');
    expect(lineFaults('The premier thanked the envoy for his work, it added.')).toContain('dangling');
    expect(lineFaults('The strike will go ahead on Monday, they said.')).toContain('dangling');
    expect(lineFaults('The union said, top-scale workers would earn more than $40 an hour.')).toContain(
      'dangling',
    );
    expect(lineFaults('The union said top-scale workers would earn more, and the company agreed.')).toEqual(
      [],
    );
  });

  it('does not count a pronoun inside the quotation or a named speaker', () => {
    expect(lineFaults('Ortiz said: "He said he would come, and he came."')).toEqual([]);
    expect(lineFaults('"Nothing is agreed until we meet," Vance told reporters.')).toEqual([]);
  });

  it('counts a line cut with "…" and a dateline left in', () => {
    expect(lineFaults('The talks went on late into the night and…')).toContain('cut');
    expect(lineFaults('GENEVA, Nov 24 (Reuters) - The talks ended.')).toContain('dateline');
    expect(lineFaults('ABU DHABI, 24th August, 2025 (WAM) -- The UAE announced a swap.')).toContain(
      'dateline',
    );
    expect(lineFaults('SEOUL, Oct. 29, 2025 (Yonhap) -- Seoul and Washington agreed.')).toContain('dateline');
    // Forms the summariser's pattern may not know are still counted.
    expect(lineFaults('March 3, 2026 (LIMA) – Peru and Chile agreed.')).toContain('dateline');
    expect(lineFaults('KATHMANDU/NEW DELHI (Wire) – Talks resumed.')).toContain('dateline');
    expect(lineFaults('The talks – the third this year – ended.')).not.toContain('dateline');
    // The dash of a dateline whose agency was cut away.
    expect(lineFaults('-- Peru and the fund remain at odds.')).toContain('dateline');
    expect(lineFaults('Ministers from NATO - the alliance - met.')).not.toContain('dateline');
  });
});

describe('measureArticle', () => {
  it("lists the facts the headline leaves out, noting those the report's lead has", () => {
    const body =
      'The two unions signed a wage deal with the port operators on Monday. The deal raises pay by 8 percent over three years. Members vote on it next week.';
    const figures = measureArticle(
      {
        file: '01-x.txt',
        text: body,
        facts: {
          must_mention: ['wage deal signed', '8 percent over three years', 'vote in March'],
          quotes: [],
          dates: [],
        },
      },
      {
        summary: 'The deal raises pay by 8 percent over three years.',
        keyPoints: [],
        outcome: '',
        quotes: [],
        events: [],
        significance: { level: 'alert' },
      },
      body,
      [],
    );
    expect(figures.coverage).toBe(1);
    expect(figures.headline).toBe('The deal raises pay by 8 percent over three years.');
    expect(figures.headlineMissed).toEqual(['wage deal signed (lead-3 has it)', 'vote in March']);
  });
});

describe('sameSpeaker', () => {
  it('counts "U.N." and "UN" as one spelling, and still tells bodies apart', () => {
    expect(sameSpeaker('U.N. Security Council', 'UN Security Council', [])).toBe(true);
    expect(sameSpeaker('Security Council', 'UN Security Council', [])).toBe(false);
    expect(sameSpeaker('U.N. Security Council', 'UN Human Rights Council', [])).toBe(false);
  });
});
