// Newsletter and donation appeals. An outlet speaking about itself to the reader —
// "we", "our journalism", "your support", its own name, "newsletter", "inbox" —
// is the outlet's voice, not the article's. An appeal opened by a header such as
// "A Message from The Herald:" or "Dear readers," runs on, paragraph after
// paragraph, for as long as that voice does.

const APPEAL_HEADER = /^(?:A (?:message|note|letter) from\b|Dear (?:readers?|subscribers?|friends?|supporters?)\b|Before you (?:go|move on)\b|We need your (?:help|support)\b|Help us\b|Become a (?:member|supporter|subscriber)\b|Make a (?:donation|contribution)\b|Support (?:us|our|independent|local)\b)/i;

/** A block that opens an appeal to the reader: "A Message from The Herald:", "Dear readers,". */
export function isAppealHeader(block: string): boolean {
  return APPEAL_HEADER.test(block);
}

const READER_ADDRESS = /\b(?:you|your|you're|you’re|yours)\b/i;
const OUTLET_VOICE = /\b(?:we|our|us|we're|we’re|ourselves)\b/i;
const APPEAL_WORDS = /\b(?:support(?:ing|ers?)?|donat(?:e|ion|ions|ing)|contribut(?:e|ion|ions)|subscri(?:be|ber|bers|ption|ptions)|sign up|newsletters?|inbox|mailbox|membership|journalism)\b/i;
const NEWSLETTER = /\b(?:newsletters?|inbox|mailbox)\b/i;

function namesOutlet(block: string, outlet: string | null): boolean {
  return outlet !== null && outlet.length > 1 && block.toLowerCase().includes(outlet.toLowerCase());
}

const OUTLET_MISSION = /\bour (?:journalism|reporting|newsroom|journalists|work|mission|readers|coverage|free|morning|daily|weekly)\b|\b(?:independent|local) (?:journalism|news)\b|\bfunded by (?:its|our) readers\b/i;
const ASKS = /\b(?:help us|support us|become a (?:supporter|member|subscriber)|please (?:consider|support|donate|subscribe)|donate|subscribe|sign up|give monthly|keep it (?:free|that way))\b/i;
// Quoted remarks often say "we" and "your support"; an appeal is never a quotation.
const QUOTATION = /[“”"]/;

/** A paragraph asking the reader for money, a subscription or a sign-up. */
export function isAppealParagraph(block: string, outlet: string | null): boolean {
  if (!APPEAL_WORDS.test(block) || QUOTATION.test(block)) return false;
  const reader = READER_ADDRESS.test(block);
  const outletVoice = namesOutlet(block, outlet) || OUTLET_MISSION.test(block);
  if (NEWSLETTER.test(block)) return reader || OUTLET_VOICE.test(block) || outletVoice || /^(?:sign up|get|subscribe)\b/i.test(block);
  return outletVoice && (reader || ASKS.test(block));
}

/** Whether a block still speaks in the appeal's voice, so an appeal that began above continues. */
export function continuesAppeal(block: string, outlet: string | null): boolean {
  const shortLine = block.split(/\s+/).length <= 8;
  return shortLine || READER_ADDRESS.test(block) || OUTLET_VOICE.test(block) || namesOutlet(block, outlet);
}

/**
 * A short line in which the outlet speaks of itself: "Our Standards: The Herald Trust
 * Principles.", "The Herald is on Telegram". Quoted remarks are never such lines.
 */
export function isOutletSelfReference(block: string, outlet: string | null): boolean {
  if (block.split(/\s+/).length > 15 || QUOTATION.test(block) || !namesOutlet(block, outlet)) return false;
  return /^our\b/i.test(block) || /^[^:]{1,30}:/.test(block) || !/[.!?]$/.test(block);
}
