// The dateline that opens a wire or newspaper story: the place in capitals, perhaps a
// region, a date and an agency, then a dash or colon ("WASHINGTON –", "KYIV, Ukraine
// (AP) —"). The masthead reads the place from it; titles and key terms are told apart
// from prose by it.

// "WASHINGTON –", "KYIV, Ukraine (AP) —", "LONDON, Nov 16, 2024 (AEP) -", "NEW YORK:".
const DATELINE = new RegExp(
  String.raw`^([A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3})` +
    String.raw`(?:,\s*[A-Z][\p{L}.]+(?: [A-Z][\p{L}.]+)?)?` +
    String.raw`(?:,?\s*[A-Z][a-z]+\.? \d{1,2}(?:,? \d{4})?)?` +
    String.raw`(?:\s*\([^)]{1,40}\))?` +
    String.raw`\s*(?:[-–—]+|:)\s+`,
  "u",
);

/** How many characters of a paragraph its dateline takes ("DOHA, Dec. 13 (AP) - "), 0 when it has none. */
export function datelineLength(paragraph: string): number {
  return DATELINE.exec(paragraph.slice(0, 120))?.[0].length ?? 0;
}

/** The place a paragraph is datelined from, e.g. "WASHINGTON", or null. */
export function readDateline(paragraph: string): string | null {
  const match = DATELINE.exec(paragraph.slice(0, 120));
  return match ? match[1] : null;
}
