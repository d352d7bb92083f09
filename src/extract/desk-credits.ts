// Lines that credit a desk or the wires rather than a writer: "Staff and wire reports",
// "From staff and news service reports", "Compiled from wire reports", "Harbour Ledger
// staff report", "Wire services contributed to this report.", "Information from
// Reuters was used in this report." They name no person (a named contributor is a
// closing credit, read by the byline), so they are removed and credit nobody.
import { wordCount } from "./page-furniture.js";

const DESK = String.raw`(?:staff|wires?|wire services?|news services?|agenc(?:y|ies)|news agencies|(?:news|city|metro) desk)`;
const LEAD = /^(?:[-–—]\s*)?(?:(?:from|by|compiled (?:by|from)|with)\s+)?(?:the\s+)?/i;
// The outlet may name its own desk: "Harbour Ledger staff report".
const OUTLET_NAME = /^(?:[A-Z][\w.&'’-]*\s+){1,4}/;
// "staff and wire reports", "staff, wire reports", "wire and staff reports", "staff report".
const DESK_REPORTS = new RegExp(String.raw`^${DESK}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)${DESK})*(?:\s+reports?|\s+writers?)?\.?$`, "i");
// "wire services contributed to this report.", "(information from) the wires was used in this story."
const DESK_CONTRIBUTED = new RegExp(String.raw`^(?:(?:information|material|reporting) from\s+(?:the\s+)?)?${DESK}\s+(?:contributed|(?:was|were) used|(?:is|are) included)\b[^.]{0,40}\.?$`, "i");

const isDeskLine = (text: string) => DESK_REPORTS.test(text) || DESK_CONTRIBUTED.test(text);

/** A credit line for a desk or the wires, naming no person. */
export function isDeskCredit(block: string): boolean {
  if (wordCount(block) > 15) return false;
  const rest = block.trim().replace(LEAD, "");
  return isDeskLine(rest) || isDeskLine(rest.replace(OUTLET_NAME, ""));
}
