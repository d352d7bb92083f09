// How to reach the reporter, set under the article: "Contact the reporter at 555-0100
// or @janeroe.", "Ana Costa can be reached at (555) 010-0199.", "Reach her at 555-0150
// or on X @acosta.", "Follow Ana Costa on X: @acosta". The shape is a way to reach
// someone — a phone number, a social handle, an email address — with a verb of
// reaching. The article may give a phone number too ("Residents can call 555-0123,
// the sheriff said."); that sentence is attributed, and a contact line never is.
import { wordCount } from "./page-furniture.js";

const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])?\b\d{3}[\s.-]\d{4}\b/;
const HANDLE = /(?:^|[\s(:])@[A-Za-z0-9_]{2,30}\b/;
const EMAIL = /\b[\w.+-]+@[\w-]+\.[\w.]+\b/;
// Reaching spoken to the reader: an imperative opening a sentence ("Reach her at …", "Follow Ana
// Costa on X"), "can be reached", a label ("Email:", "Twitter:") or a call for tips. "2,000
// people follow @mayor on X" reports; it does not tell the reader to.
const REACHING = /(?:^|[.?!:]\s+)(?:please\s+)?(?:contact|reach|e-?mail|call|phone|text|follow|dm|message|write to)\b|\bcan be (?:reached|contacted|emailed|followed)\b|\b(?:twitter|x|instagram|threads|bluesky|facebook|e-?mail|phone|tel)\s*:|\btips?\b/i;
const ATTRIBUTED = /[“”"]|\b(?:said|says|told|according to)\b/i;

const LONGEST_CONTACT_WORDS = 40;

// A line of nothing but ways to reach someone, perhaps after a name: "jroe@ledger.example | @janeroe",
// "Jane Roe: 555-0100", "Email: jroe@ledger.example".
const LABEL_WORDS = /\b(?:e-?mail|phone|tel|telephone|mobile|cell|fax|twitter|x|instagram|threads|bluesky|facebook|linkedin|on|or|and|at)\b/gi;
const LEADING_NAME = /^(?:[A-Z][\p{L}'’.-]+\s+){1,3}[A-Z][\p{L}'’.-]+\s*:/u;

function isOnlyContact(block: string): boolean {
  if (!(PHONE.test(block) || HANDLE.test(block) || EMAIL.test(block))) return false;
  const rest = block
    .replace(LEADING_NAME, "")
    .replace(new RegExp(EMAIL.source, "g"), "")
    .replace(new RegExp(HANDLE.source, "g"), " ")
    .replace(new RegExp(PHONE.source, "g"), "")
    .replace(LABEL_WORDS, "");
  return !/[\p{L}\d]/u.test(rest);
}

/** A line telling the reader how to reach the reporter or the newsroom. */
export function isReporterContact(block: string): boolean {
  if (wordCount(block) > LONGEST_CONTACT_WORDS || ATTRIBUTED.test(block)) return false;
  return ((PHONE.test(block) || HANDLE.test(block) || EMAIL.test(block)) && REACHING.test(block)) || isOnlyContact(block);
}
