// Datelines ("RIYADH, Saudi Arabia —", "Washington (CNN) —", "GENEVA, Nov 24 (AFP) -", "New Delhi, Sep 15
// (PTI)") open wire and
// newspaper reports. They say where the reporter filed from, not what happened, and a summary line
// that opens with one reads as a copy of the wire. Removed before any other layer reads the text.

import { NAME_PARTICLES } from './lexicon';

const CAPS_PLACE = String.raw`\p{Lu}[\p{Lu}.'’-]{2,}(?:[\s/]+\p{Lu}[\p{Lu}.'’-]+){0,3}`;
// "Sharm el-Sheikh", "Rio de Janeiro", "Dar es Salaam": particles inside a place's name.
const TITLE_WORD = String.raw`(?:\p{Lu}[\p{L}.'’-]+|(?:${NAME_PARTICLES})-\p{Lu}[\p{L}.'’-]+)`;
const JOINER = String.raw`(?:\s+(?:de|da|do|dos|das|del|es|el|al|la|le|du|di)(?=\s+\p{Lu}))?`;
const TITLE_PLACE = String.raw`\p{Lu}[\p{L}.'’-]+(?:${JOINER}\s+${TITLE_WORD}){0,3}`;
const REGION = String.raw`(?:,\s*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,2})?`;
// ", Nov 24", ", 24th August, 2025", ", Aug. 24, 2025": the day filed, month first or day first.
const DAY = String.raw`(?:,\s*(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+\p{Lu}\p{Ll}{2,8}\.?)(?:,?\s*\d{4})?)?`;
/** The day filed, required where no dash closes the dateline ("New Delhi, Sep 15 (PTI) India and …"). */
const FILED_ON = String.raw`,\s*(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+\p{Lu}\p{Ll}{2,8}\.?)(?:,?\s*\d{4})?`;
const AGENCY = String.raw`\(\s*\p{Lu}[\p{L}.&' -]{1,30}\)`;
const DASH = String.raw`\s*[—–-]{1,2}\s+`;

/**
 * A dateline at the start of a line: an upper-case place (optionally ", Region" or ", Nov 24") with an
 * optional "(Agency)", then a dash or a colon ("PUTRAJAYA: "); or a place in title case followed by
 * "(Agency)", perhaps after its country ("Turnberry (United Kingdom) (AFP) -"), then a dash.
 */
/** "August 23, 2024 (GENEVA) –", "23 Aug 2025 (Reuters) -": the day filed first, then a dash. An agency
 * alone ("(Bloomberg) -- ") is a dateline too. */
const DAY_FIRST = String.raw`(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+\p{Lu}\p{Ll}{2,8}\.?),?\s*\d{4}\s*(?:\(\s*(?:${CAPS_PLACE}|\p{Lu}[\p{L}.&' -]{1,30})\s*\)\s*){0,2}${DASH}`;

export const DATELINE = new RegExp(
  String.raw`^\s*(?:${AGENCY}${DASH}|${DAY_FIRST}|${CAPS_PLACE}${REGION}${DAY}\s*(?:${AGENCY}\s*){0,2}(?:${DASH}|:\s+)|${TITLE_PLACE}${REGION}${DAY}\s*(?:${AGENCY}\s*){1,2}${DASH}|${TITLE_PLACE}(?:/${TITLE_PLACE})?${FILED_ON}\s*${AGENCY}\s+(?=\p{Lu}))`,
  'u',
);

export function stripDateline(line: string): string {
  const m = DATELINE.exec(line);
  if (!m) return line;
  const rest = line.slice(m[0].length);
  // What follows must read as the start of a sentence.
  return /^["“‘'(]?[\p{Lu}\p{N}]/u.test(rest) ? rest : line;
}
