// Where quotations are in a paragraph: curly and straight double marks, mixed as sources mix them
// ("…Qatar,” after a straight opening mark). A quotation still open at the end of a paragraph goes on in
// the next one (news style opens each paragraph of a long quote and closes only the last).

export interface QuoteSpan {
  /** Offsets of the text inside the marks. */
  start: number;
  end: number;
  /** Not closed in this paragraph. */
  open: boolean;
  /** Goes on from the previous paragraph's open quotation. */
  continues: boolean;
}

export function quoteSpans(paragraph: string, previousOpen = false): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  let continues = false;
  for (let i = 0; i < paragraph.length; i++) {
    const ch = paragraph[i];
    if (ch !== '"' && ch !== '“' && ch !== '”') continue;
    if (open < 0) {
      if (ch === '”') {
        // A closing mark with nothing open: the paragraph carries on a quotation from before it.
        if (previousOpen && spans.length === 0)
          spans.push({ start: 0, end: i, open: false, continues: true });
        continue;
      }
      open = i + 1;
      continues = previousOpen && spans.length === 0 && paragraph.slice(0, i).trim() === '';
    } else if (ch === '“' && paragraph.slice(open, i).trim() === '') {
      open = i + 1;
    } else {
      spans.push({ start: open, end: i, open: false, continues });
      open = -1;
      continues = false;
    }
  }
  if (open >= 0) spans.push({ start: open, end: paragraph.length, open: true, continues });
  return spans;
}
