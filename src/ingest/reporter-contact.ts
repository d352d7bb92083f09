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
// "Contact", "reach(ed)", "email", "call", "follow", "text", "DM", "tips", "on X/Twitter/Instagram".
const REACHING = /\b(?:contact(?:ed)?|reach(?:ed)?|e-?mail(?:ed)?|call(?:ed)?|phone|text|follow|dm|message|write to|tips?|twitter|instagram|threads|bluesky|facebook|on x)\b/i;
const ATTRIBUTED = /[“”"]|\b(?:said|says|told|according to)\b/i;

const LONGEST_CONTACT_WORDS = 40;

/** A line telling the reader how to reach the reporter or the newsroom. */
export function isReporterContact(block: string): boolean {
  if (wordCount(block) > LONGEST_CONTACT_WORDS || ATTRIBUTED.test(block)) return false;
  return (PHONE.test(block) || HANDLE.test(block) || EMAIL.test(block)) && REACHING.test(block);
}
