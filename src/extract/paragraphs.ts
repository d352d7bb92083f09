// Normalised text → blocks (paragraphs, headings, page furniture), one per string.
// Scrapes come in three layouts: one paragraph per line; paragraphs separated by
// blank lines; and prose hard-wrapped at a fixed width. Inline links are often
// saved as their own lines ("…outlets after" / "talks with officials" / "from
// President…"), so a block that stops mid-sentence is joined to the lower-case
// block that continues it.

const ENDS_SENTENCE = /[.!?:;"”’)\]…]$/;
const STARTS_LOWER = /^[a-z]/;

/** Whether lines look wrapped at a fixed width rather than broken at paragraph ends. */
function isHardWrapped(lines: string[]): boolean {
  const prose = lines.filter((l) => l.length > 0);
  if (prose.length < 6) return false;
  const longest = prose.reduce((max, l) => Math.max(max, l.length), 0);
  if (longest > 100) return false;
  const unfinished = prose.filter((l) => !ENDS_SENTENCE.test(l)).length;
  return unfinished / prose.length > 0.5;
}

function joinContinuations(blocks: string[]): string[] {
  const joined: string[] = [];
  for (const block of blocks) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && !ENDS_SENTENCE.test(previous) && STARTS_LOWER.test(block)) {
      joined[joined.length - 1] = `${previous} ${block}`;
    } else {
      joined.push(block);
    }
  }
  return joined;
}

/** Splits normalised text into blocks, rejoining wrapped lines and paragraphs broken at links. */
export function splitBlocks(text: string): string[] {
  const lines = text.split("\n");
  const blocks = isHardWrapped(lines)
    ? text.split(/\n\n+/).map((group) => group.replace(/\n/g, " "))
    : lines;
  return joinContinuations(blocks.map((b) => b.trim()).filter(Boolean));
}
