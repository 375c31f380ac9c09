// `npm run countries`: writes functions/domain/summarise/countries.json, the few fields of the
// `world-countries` dataset (mledoze/countries, ODbL) the summariser reads — names, spelled-out
// alternatives, capitals of sovereign states, English demonyms — so a Lambda bundle carries 30 KB
// instead of the package's 1.4 MB, and its cold start skips parsing it. A unit test checks the file
// is what this script makes from the installed package.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import worldCountries from 'world-countries/countries.json' with { type: 'json' };

export interface CountryNames {
  common: string;
  official: string;
  alternatives: string[];
  capitals: string[];
  demonyms: string[];
}

export function countryNames(): CountryNames[] {
  return worldCountries.map((c) => ({
    common: c.name.common,
    official: c.name.official,
    // Spelled-out alternatives ("Macedonia", "Burma"), not codes ("MK").
    alternatives: c.altSpellings.filter((a) => a.length > 3 && /\p{Ll}/u.test(a)),
    // A territory's capital is often a person's name (Hamilton, Douglas, Stanley).
    capitals: c.independent ? c.capital : [],
    demonyms: [...new Set(Object.values(c.demonyms.eng ?? {}))],
  }));
}

export const COUNTRIES_FILE = fileURLToPath(
  new URL('../functions/domain/summarise/countries.json', import.meta.url),
);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(COUNTRIES_FILE, `${JSON.stringify(countryNames())}\n`);
  console.log(`wrote ${COUNTRIES_FILE}`);
}
