// The comment section's small print, saved under the article: "Comments are moderated
// and may take a day to appear.", "We welcome your comments. Abusive comments will be
// removed.", "Commenting is closed for this story.", "Be the first to comment". It
// speaks of comments and their rules, to the reader or in the outlet's voice; a
// sentence of reporting about comments ("Residents left 300 comments, many of them
// abusive, the clerk said.") does neither and is quoted or attributed.
import { wordCount } from "./page-furniture.js";

const COMMENTS = /\b(?:comments?|commenting|commenters?|comment (?:section|policy|thread|board|guidelines))\b/i;
// The rules and states of a comment section.
const POLICY = /\b(?:moderat\w*|guidelines|policy|civil|respectful|on-topic|off-topic|abusive|offensive|personal attacks|remove[ds]?|delete[ds]?|reserve the right|closed|disabled|open for|appear|approv\w*|log(?:ged)? in|sign(?:ed)? in|registered|subscribers|first to comment|terms|agree)\b/i;
// Who such a line speaks to or for: the reader, the outlet, or comments as the subject.
const VOICE = /^(?:comments?|commenting|be the first|view|show|hide|read|join|leave|post|add|to (?:comment|post)|by (?:commenting|posting))\b|\b(?:you|your|please|we|our|us)\b/i;
const ATTRIBUTED = /[“”"]|\b(?:said|says|told|according to)\b/i;

const LONGEST_COMMENT_POLICY_WORDS = 60;

/** A line of a comment section's rules or state, not a sentence of the article. */
export function isCommentPolicy(block: string): boolean {
  if (wordCount(block) > LONGEST_COMMENT_POLICY_WORDS || ATTRIBUTED.test(block)) return false;
  return COMMENTS.test(block) && POLICY.test(block) && VOICE.test(block);
}
