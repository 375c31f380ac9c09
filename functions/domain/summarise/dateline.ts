// Datelines ("RIYADH, Saudi Arabia —", "Washington (CNN) —", "GENEVA, Nov 24 (AFP) -") open wire and
// newspaper reports. They say where the reporter filed from, not what happened, and a summary line
// that opens with one reads as a copy of the wire. Removed before any other layer reads the text.

const CAPS_PLACE = String.raw`\p{Lu}[\p{Lu}.'’-]{2,}(?:[\s/]+\p{Lu}[\p{Lu}.'’-]+){0,3}`;
const TITLE_PLACE = String.raw`\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}`;
const REGION = String.raw`(?:,\s*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,2})?`;
const DAY = String.raw`(?:,\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2})?`;
const AGENCY = String.raw`\(\s*\p{Lu}[\p{L}.&' -]{1,30}\)`;
const DASH = String.raw`\s*[—–-]{1,2}\s+`;

/**
 * A dateline at the start of a line: an upper-case place (optionally ", Region" or ", Nov 24") with an
 * optional "(Agency)", or a place in title case followed by "(Agency)"; then a dash.
 */
export const DATELINE = new RegExp(
  String.raw`^\s*(?:${CAPS_PLACE}${REGION}${DAY}\s*(?:${AGENCY})?|${TITLE_PLACE}${REGION}${DAY}\s*${AGENCY})${DASH}`,
  'u',
);

export function stripDateline(line: string): string {
  const m = DATELINE.exec(line);
  if (!m) return line;
  const rest = line.slice(m[0].length);
  // What follows must read as the start of a sentence.
  return /^["“‘'(]?[\p{Lu}\p{N}]/u.test(rest) ? rest : line;
}
