// How `npm run bench` prints its figures: a measured run shows each goal and whether it was met; a
// smoke run (--quick) says what it is and shows no goals, since figures at its sizes mean nothing.
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../bench/table';

const figures = { personalisedPerSecond: 900, renderRatio: 12, duplicates: 0, deliveryRatio: 3.2 };
const machine = { cores: 2, cpu: 'test', node: 'v20' };

describe('bench table', () => {
  it('shows goals and which were missed on a measured run', () => {
    const table = formatTable(figures, { ...machine, quick: false });
    expect(table).toMatch(/Goal +Met/);
    expect(table).toMatch(/Ratio +12× +≥ 100× +NO/);
  });

  it('calls a --quick run a smoke run and prints no goals or misses', () => {
    const table = formatTable(figures, { ...machine, quick: true });
    expect(table.split('\n')[0]).toContain('SMOKE RUN (--quick)');
    expect(table).toContain('no goal is checked');
    expect(table).not.toMatch(/Goal|Met|NO\b|≥/);
    expect(table).toMatch(/Ratio +12×/);
  });
});
