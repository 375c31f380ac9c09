// The eval's line check: what a reader would call a broken line, on hand-written lines.
import { describe, expect, it } from 'vitest';
import { lineFaults } from '../../../scripts/eval-metrics';

describe('lineFaults', () => {
  it('counts words credited to a bare pronoun anywhere in the line as dangling', () => {
    expect(lineFaults('"Nothing is agreed until we meet," he told reporters.')).toContain('dangling');
    expect(lineFaults('A text that cannot name the river, she said, is "not neutral".')).toContain(
      'dangling',
    );
    expect(lineFaults('He added that the talks would go on.')).toContain('dangling');
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
  });
});
