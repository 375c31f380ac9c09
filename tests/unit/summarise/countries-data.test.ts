// The summariser reads countries from a small extract of the `world-countries` package; the extract
// must be what `npm run countries` makes from the installed package, so an upgrade cannot go unseen.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNTRIES_FILE, countryNames } from '../../../scripts/build-countries';

describe('countries.json', () => {
  it('is the extract `npm run countries` writes from the installed world-countries package', () => {
    const onDisk = JSON.parse(readFileSync(COUNTRIES_FILE, 'utf8'));
    expect(onDisk).toEqual(countryNames());
  });

  it('covers every UN member, with its demonym', () => {
    const all = countryNames();
    expect(all.length).toBeGreaterThan(190);
    expect(all.find((c) => c.common === 'Samoa')?.demonyms).toContain('Samoan');
    expect(all.find((c) => c.common === 'Bermuda')?.capitals).toEqual([]);
  });
});
