// Blocks of a scraped page → the blocks of the article. Every block is tested
// against the general shapes of page junk (calls to action, share bars, menus,
// cookie and legal notices, captions and credits, appeals in the outlet's voice);
// the article's last paragraph loses its agency sign-off ("… he said. REUTERS").
// What was removed is returned with a reason, so a missed or wrong removal can be
// traced to the rule that made it.
import { readClosingCredit, readCreditLine } from "./byline.js";
import { isCommentPolicy } from "./comment-policy.js";
import { isDeskCredit } from "./desk-credits.js";
import { findOutletClue, isOutletNameLine } from "./outlet-inference.js";
import { continuesAppeal, isAppealHeader, isAppealParagraph, isOutletSelfReference } from "./page-appeals.js";
import {
  isCallToAction,
  isContactLine,
  isCookieNotice,
  isDeskInitials,
  isEditorialNote,
  isLegalFooter,
  isNavigation,
  isReaderInstruction,
  isShareBar,
  isSymbolLine,
  isTagList,
  isTimestampLine,
  wordCount,
} from "./page-furniture.js";
import { isPressReleaseTailHeader } from "./press-release-tail.js";
import { readPhotoCaption } from "./photo-captions.js";
import { isLinkTitle, opensLinkList } from "./related-links.js";
import { isReporterContact } from "./reporter-contact.js";
import { readTitleLine, withoutSiteName } from "./title-line.js";

export type JunkReason =
  | "appeal"
  | "masthead"
  | "editorial-note"
  | "reader-instruction"
  | "tags"
  | "contact"
  | "comment-policy"
  | "desk-credit"
  | "press-release-tail"
  | "trailing-furniture"
  | "call-to-action"
  | "related-links"
  | "caption"
  | "share-bar"
  | "navigation"
  | "cookie-notice"
  | "legal"
  | "timestamp"
  | "sign-off";

export interface CleanedPage {
  /** The article's blocks, in page order. */
  blocks: string[];
  /** Photographers and agencies credited in removed captions. */
  credits: string[];
  /** Sign-off lines and tails removed from the end ("REUTERS", "(Reporting by Ana Ruiz; Editing by Tom Lake)"). */
  signOffs: string[];
  removed: Array<{ block: string; reason: JunkReason }>;
}

type Rule = [JunkReason, (block: string, outlet: string | null) => boolean];

// Rules for short furniture: none of them takes a block of more than SHORT_BLOCK_WORDS words.
const SHORT_BLOCK_WORDS = 30;
const SHORT_RULES: Rule[] = [
  ["masthead", isOutletNameLine],
  ["call-to-action", isCallToAction],
  ["reader-instruction", isReaderInstruction],
  ["tags", isTagList],
  ["contact", isContactLine],
  ["contact", isReporterContact],
  ["desk-credit", isDeskCredit],
  ["share-bar", isSymbolLine],
  ["editorial-note", isEditorialNote],
  ["masthead", isOutletSelfReference],
  ["share-bar", isShareBar],
  ["navigation", isNavigation],
  ["timestamp", isTimestampLine],
];
// Rules that also recognise whole paragraphs: appeals, cookie notices, legal small print.
const PARAGRAPH_RULES: Rule[] = [
  ["cookie-notice", isCookieNotice],
  ["comment-policy", isCommentPolicy],
  ["legal", isLegalFooter],
  ["appeal", isAppealParagraph],
  ["appeal", (block) => findOutletClue(block)?.kind === "appeal"],
  ["legal", (block) => findOutletClue(block)?.kind === "copyright"],
];

const ALL_RULES: Rule[] = [...SHORT_RULES, ...PARAGRAPH_RULES];

// "Pier to close | The Harbour Post" names the outlet and looks like a two-item menu, but it is
// the page's title with the site's name after it: a title of three words or more is kept.
function isTitleWithSiteName(block: string, outlet: string | null): boolean {
  const title = withoutSiteName(block, outlet);
  return title !== block && wordCount(title) >= 3 && readTitleLine(title) !== null;
}

function junkRule(block: string, outlet: string | null): Rule | undefined {
  if (isTitleWithSiteName(block, outlet)) return undefined;
  // List bullets and icons before a line ("∙ Paid subscribers get …") do not change what it is.
  const probe = block.replace(/^[^\p{L}\p{N}"“‘'(©]+/u, "");
  const rules = wordCount(probe) <= SHORT_BLOCK_WORDS ? ALL_RULES : PARAGRAPH_RULES;
  for (const rule of rules) {
    const test = rule[1];
    if (test(probe, outlet) || (probe !== block && test(block, outlet))) return rule;
  }
  return undefined;
}

// Page blocks longer than this are article prose (or not an article at all); the
// junk rules are for short furniture and stay cheap on very long blocks.
const LONGEST_FURNITURE = 2000;

// Wire copy ends with the agency in capitals after the last sentence: "… he said. REUTERS".
const SIGN_OFF_TAIL = /([.!?"”’)])\s+[-–—]?\s*[A-Z]{2,}(?:\s*(?:,|\/|and)\s*[A-Z]{2,}){0,3}$/;
const SIGN_OFF_BLOCK = /^(?:[-–—]\s*)?[A-Z]{2,}(?:\s*(?:,|\/|and)\s*[A-Z]{2,}){0,3}$/;

/** Removes page junk from a page's blocks; `outlet` lets appeals that name the outlet be recognised. */
export function cleanPage(blocks: readonly string[], outlet: string | null): CleanedPage {
  const kept: string[] = [];
  const credits: string[] = [];
  const removed: CleanedPage["removed"] = [];
  let inAppeal = false;
  // After "Read more" or "Related", linked headlines follow until the next real paragraph.
  let inLinkList = false;

  for (const [index, block] of blocks.entries()) {
    if (inAppeal && continuesAppeal(block, outlet)) {
      removed.push({ block, reason: "appeal" });
      continue;
    }
    inAppeal = false;
    // "About Example ASA", "Forward-looking statements": boilerplate from here to the end.
    // Only in the second half of the page, where such sections stand.
    if (index >= blocks.length / 2 && isPressReleaseTailHeader(block)) {
      for (const rest of blocks.slice(index)) removed.push({ block: rest, reason: "press-release-tail" });
      break;
    }
    if (opensLinkList(block)) {
      inLinkList = true;
      removed.push({ block, reason: "related-links" });
      continue;
    }
    if (isAppealHeader(block)) {
      inAppeal = true;
      removed.push({ block, reason: "appeal" });
      continue;
    }
    const caption = readPhotoCaption(block);
    if (caption) {
      credits.push(...caption.credits);
      removed.push({ block, reason: "caption" });
      continue;
    }
    const rule = block.length <= LONGEST_FURNITURE ? junkRule(block, outlet) : undefined;
    if (rule) removed.push({ block, reason: rule[0] });
    else if (inLinkList && isLinkTitle(block) && !isCredit(block)) removed.push({ block, reason: "related-links" });
    else {
      inLinkList = false;
      kept.push(block);
    }
  }

  removeTrailingFurniture(kept, removed);
  const signOffs = removeSignOffs(kept, removed);
  return { blocks: kept, credits, signOffs, removed };
}

const isCredit = (block: string) => readCreditLine(block) !== null || readClosingCredit(block) !== null;

// After the last paragraph, pages end in menus and labels ("Most viewed", "Live feed",
// "Related news"): short lines with no sentence in them. Credit lines stay for the masthead.
function removeTrailingFurniture(kept: string[], removed: CleanedPage["removed"]): void {
  for (let i = kept.length - 1; i > 0; i--) {
    const block = kept[i];
    if (isCredit(block)) continue;
    if (wordCount(block) > 3 || /[.!?"”’。！？」』]$/.test(block)) break;
    kept.splice(i, 1);
    removed.push({ block, reason: "trailing-furniture" });
  }
}

/** Drops trailing sign-off blocks and the agency tail of the last paragraph, in place; returns what went. */
function removeSignOffs(kept: string[], removed: CleanedPage["removed"]): string[] {
  const signOffs: string[] = [];
  while (kept.length > 1 && (SIGN_OFF_BLOCK.test(kept[kept.length - 1]) || isDeskInitials(kept[kept.length - 1]))) {
    const block = kept.pop()!;
    signOffs.unshift(block);
    removed.push({ block, reason: "sign-off" });
  }
  // Closing credit lines stay for the masthead; the sign-off is on the paragraph above them.
  let last = kept.length - 1;
  while (last > 0 && isCredit(kept[last])) last--;
  if (last >= 0) {
    const tail = SIGN_OFF_TAIL.exec(kept[last]);
    if (tail) {
      const cut = tail.index + tail[1].length;
      signOffs.unshift(kept[last].slice(cut).trim());
      removed.push({ block: kept[last].slice(cut).trim(), reason: "sign-off" });
      kept[last] = kept[last].slice(0, cut);
    }
  }
  return signOffs;
}
