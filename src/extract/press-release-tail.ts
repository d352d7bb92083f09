// Press releases, and stories rewritten from them, end with fixed sections: "About
// <Company>", "Forward-looking statements", "Notes to editors", "Media contacts".
// Each is a short heading followed by boilerplate, and nothing after the first of
// them is the story.

const TAIL_HEADER =
  /^(?:About (?:the )?[A-Z][\p{L}\p{N}.&'’ -]{1,60}|Forward[- ]looking statements?|Cautionary (?:note|statement)s?(?: regarding forward[- ]looking statements)?|Safe harbou?r statement|Notes? to editors?|Media (?:contacts?|enquiries|inquiries)|Investor (?:contacts?|relations)|###)$/u;

/** A heading that opens a press release's closing boilerplate. */
export function isPressReleaseTailHeader(block: string): boolean {
  return block.split(/\s+/).length <= 8 && TAIL_HEADER.test(block);
}
