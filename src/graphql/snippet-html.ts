// Article.snippet is documented as HTML: the body's words, escaped, with `<mark>` around
// each match and no other markup. The store marks matches with two Unicode noncharacters,
// which no real text carries (and which, if an article did carry them, would only add a
// harmless <mark>), so the body can be escaped whole without touching the highlights.

/** What the store puts around each match before the snippet is escaped. */
export const MATCH_OPEN = "\uFDD0";
export const MATCH_CLOSE = "\uFDD1";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** `raw` (matches between MATCH_OPEN and MATCH_CLOSE) as HTML whose only elements are `<mark>`s. */
export function snippetHtml(raw: string): string {
  const escaped = raw.replace(/[&<>"']/g, (c) => ESCAPES[c]);
  // Balanced by construction: a stray close mark left by a body that held one is dropped.
  let open = false;
  return escaped.replace(/[\uFDD0\uFDD1]/g, (m) => {
    if (m === MATCH_OPEN && !open) return (open = true), "<mark>";
    if (m === MATCH_CLOSE && open) return (open = false), "</mark>";
    return "";
  }) + (open ? "</mark>" : "");
}
