// The parts of a web page around an article that a scraper saves with it: calls to
// action ("Read more", "Follow topic:", "Sign up now: …"), share bars, breadcrumb
// navigation, cookie notices, legal footers and time stamps. Each rule describes how
// such a block looks on any site — short, imperative or a list of links — never the
// words of one site.

// Chinese and Japanese write no spaces between words: a sentence is one "word" to a split
// on whitespace, and every rule for short furniture took whole paragraphs of it.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const ANY_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD = /\S+/g;

// The junk rules of clean-page.ts ask one after another for the words of the same block.
let lastBlock: string | null = null;
let lastCount = 0;

/** Words a block has, counted the way a reader would (about two characters a word in CJK text). */
export function wordCount(block: string): number {
  if (block !== lastBlock) {
    lastCount = countWords(block);
    lastBlock = block;
  }
  return lastCount;
}

function countWords(block: string): number {
  // Without CJK, a word is a run of non-spaces.
  if (!ANY_CJK.test(block)) return block.match(WORD)?.length ?? 0;
  let words = 0;
  for (const token of block.split(/\s+/)) {
    if (!token) continue;
    const cjk = token.match(CJK)?.length ?? 0;
    words += cjk ? Math.max(1, Math.ceil(cjk / 2)) : 1;
  }
  return words;
}

// Page controls start with an instruction to the reader. Each entry is a phrase, not
// a lone verb, so a subheading such as "Support grows for the truce" is not taken.
const CALL_TO_ACTION = new RegExp(
  String.raw`^(?:sign up|sign in|log ?in|log out|register\b|subscribe\b|subscribers\b|(?:paid |free )?(?:subscribers|members) (?:get|can|only|receive)\b|follow (?:us|topic|on|@|this|the)|follow$|` +
    String.raw`share\b|read (?:more|next|also|the full|our)|also (?:read|interesting|on)\b|continue reading|keep reading|` +
    String.raw`see (?:more|also|all)|more (?:on|from|about) |show (?:more|key events)|key events$|load more|learn more|find out more|explore (?:more|our)|` +
    String.raw`click|tap (?:here|to)|download (?:the|our)|get (?:the|our) (?:app|newsletter)|join (?:us|our|the conversation)|` +
    String.raw`watch(?: now| live)?:|listen(?: now)?:|support (?:us|our|independent|local)|donate\b|give (?:monthly|once|today)|remind me|` +
    String.raw`not ready to|accept (?:all|cookies)|manage (?:cookies|preferences|consent)|skip (?:to|ad)|back to top|related\b[^.!?]{0,30}(?::|$)|` +
    String.raw`recommended(?: for you| stories| reading)?:?$|most (?:read|popular|viewed)|trending(?: now| stories)?:?$|advertisement\b|` +
    String.raw`sponsored(?: content| by|:)|story continues|comments?(?: \(\d+\))?:?$|\d+ comments?$|leave a comment|print$|email$|` +
    String.raw`copy link|link copied|preview$|reuse this content|republish\b|type your email|live feed$|newest$|oldest$|please (?:turn on|enable) javascript|` +
    // Bookmarking, saving, gifting, printing and listening widgets.
    String.raw`bookmark(?: (?:this|article|story))?$|bookmarked$|add to (?:bookmarks|favou?rites|(?:my |your )?(?:reading )?list)|save(?: (?:article|story|this (?:article|story)|for later|to (?:my |your )?list))?$|saved$|` +
    // The comment section's controls: "Show comments", "View 12 comments", "Be the first to comment".
    String.raw`(?:show|view|hide|load|read|see) (?:all )?(?:\d+ )?comments?\b|be the first to comment|` +
    String.raw`gift (?:this )?(?:article|story)$|e-?mail (?:this (?:article|story|page)|to a friend)$|print (?:this )?(?:article|story|page)$|listen to (?:this )?(?:article|story)|(?:text|font) size$)`,
  "i",
);
const LONGEST_CALL_TO_ACTION = 14;
// "Read also: <the linked headline>": a label and a colon, then a whole headline.
const LONGEST_LABELLED_LINK = 30;

/** A short instruction to the reader: "Read more", "Follow topic:", "Sign up now: …", "Remind me later." */
export function isCallToAction(block: string): boolean {
  const limit = /^[^:]{1,25}:/.test(block) ? LONGEST_LABELLED_LINK : LONGEST_CALL_TO_ACTION;
  return wordCount(block) <= limit && CALL_TO_ACTION.test(block);
}

// "Translated from Romanian by the editorial office.", "Updated with the minister's comments."
const EDITORIAL_NOTE = /^(?:(?:translated|adapted|compiled|updated|corrected|clarified|edited)\b[^.]{0,80}(?:\bby\b|\bwith\b|\.$)|this (?:story|article|interview|report|piece|post|transcript) (?:was|has been|is) (?:\w+ )?(?:updated|corrected|amended|edited|condensed|translated|produced|published|adapted)\b)/i;

/** A newsroom note about the article itself rather than part of it. */
export function isEditorialNote(block: string): boolean {
  return wordCount(block) <= 25 && !/[“”"]/.test(block) && EDITORIAL_NOTE.test(block);
}

// Sentences that tell the reader to operate the page or contact the newsroom:
// "If you have noticed a mistake, select it and press Ctrl+Enter.", "Tips? Contact the team."
const READER_INSTRUCTION = /(?:^|[.?!]\s+|^if you\b[^.]{0,80},\s*)(?:please\s+)?(?:click|tap|press|select|email|e-mail|contact|send|call|write to|visit|follow|subscribe|sign up|download|share|join|register|republish|turn on|enable|let us know|tell us)\b/i;
const ADDRESS = /\b[\w.+-]+@[\w-]+\.[\w.]+\b|\bhttps?:\/\/|\bwww\.|\b[\w-]+\.(?:com|org|net|example|co\.uk|md|gov)\b/i;

/** A short note telling the reader to click, email or follow, or giving the newsroom's address. */
export function isReaderInstruction(block: string): boolean {
  if (wordCount(block) > 30 || /[“”"]/.test(block)) return false;
  return READER_INSTRUCTION.test(block) || (ADDRESS.test(block) && /\b(?:you|your|us|our|visit|email|contact)\b/i.test(block));
}

/** A line of counters and icons ("♡ 212 💬 38 ↻ Share"): mostly symbols and digits, few letters. */
export function isSymbolLine(block: string): boolean {
  const visible = block.replace(/\s+/g, "");
  if (!visible.length || visible.length > 80) return false;
  return letterCount(visible) / visible.length < 0.5;
}

const LETTER = /\p{L}/u;

/** Letters in a text, counted by code point; ASCII without a regex, as most blocks are. */
function letterCount(text: string): number {
  let letters = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x80 ? (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a : LETTER.test(ch)) letters++;
  }
  return letters;
}

// "Tags: energy, Ukraine", "Topics: Water companies · Pollution", "Suggested Topics: Energy · Europe".
const TAG_LIST = /^(?:[\p{L} ]{1,25}):\s*(?:[^,·•|;:.]{1,30}(?:\s*[,·•|;]\s*|$)){2,}$/u;

/** A labelled list of tags or topics. */
export function isTagList(block: string): boolean {
  return block.length <= 200 && TAG_LIST.test(block) && /^(?:tags|topics|suggested topics|filed under|categories|more on|keywords|related topics|subjects)\b/i.test(block);
}

const SHARE_TARGETS = new Set([
  "share", "facebook", "twitter", "x", "whatsapp", "email", "e-mail", "mail", "linkedin", "telegram", "reddit",
  "pinterest", "print", "copy", "link", "messenger", "flipboard", "threads", "bluesky", "sms", "tweet", "vk", "viber",
  // "Share on Facebook", "Share via Email", "Save · Bookmark · Gift": the verbs and joiners of such bars.
  "on", "via", "to", "save", "bookmark", "gift", "comment", "comments", "instagram", "youtube", "tiktok", "mastodon",
]);

// A button left alone on its line: "Facebook", "Tweet", "Bookmark". Joiners ("on", "to") and
// words with another sense ("X", "link", "threads") never stand for a button alone.
const LONE_BUTTONS = new Set([
  "share", "facebook", "twitter", "whatsapp", "email", "e-mail", "linkedin", "telegram", "reddit", "pinterest", "flipboard",
  "bluesky", "tweet", "bookmark", "save", "gift", "print", "instagram", "youtube", "tiktok",
]);

/** A row of share buttons, or one left alone: "Share Facebook Twitter WhatsApp Email", "Share on Facebook", "Tweet". */
export function isShareBar(block: string): boolean {
  const words = block.toLowerCase().replace(/[!.:]$/, "").split(/[\s|·•,/]+/).filter(Boolean);
  if (words.length === 1) return LONE_BUTTONS.has(words[0]);
  return words.length >= 2 && words.length <= 14 && words.every((w) => SHARE_TARGETS.has(w));
}

/** Breadcrumbs or a menu: "Home › World › Europe", "News | Sport | Weather", "World News | Asia". */
export function isNavigation(block: string): boolean {
  if (/[.!?]$/.test(block)) return false;
  const parts = block.split(/\s*(?:[|›»>•·]|\s\/\s)\s*/).filter(Boolean);
  if (!parts.every((p) => wordCount(p) <= 3)) return false;
  // Two items make a menu only with a separator no headline uses ("|", "›").
  return parts.length >= 3 || (parts.length === 2 && /\s[|›»]\s/.test(block));
}

/** A cookie or consent notice. */
export function isCookieNotice(block: string): boolean {
  return /\bcookies?\b/i.test(block) && /\b(?:consent|accept|browser|privacy|we use|this (?:site|website)|experience|settings)\b/i.test(block);
}

/** Copyright and terms lines: "© 2025 …", "Subscribers agree to the Privacy Policy". */
export function isLegalFooter(block: string): boolean {
  // "Copyright" opens a sentence of reporting too ("Copyright law protects …"); the line has the mark or a year.
  if (/^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}\b))/i.test(block)) return wordCount(block) <= 80;
  if (wordCount(block) > 20) return false;
  return /^all rights reserved/i.test(block) || /\b(?:privacy policy|terms of (?:use|service)|all rights reserved)\b/i.test(block);
}

// "Media contact: Ana Ruiz, +47 …", "Source: Example ASA", "Contact: press@example.com".
const CONTACT_LABEL = /^(?:(?:media|press|investor|editorial)\s+)?(?:contacts?|enquiries|inquiries|source)\s*:/i;

/** A contact or source label of a press release or a newsroom. */
export function isContactLine(block: string): boolean {
  return wordCount(block) <= 30 && CONTACT_LABEL.test(block);
}

// Wire desks sign copy with the initials of writer and editor: "gw/tmc", "ab/cd/ef".
const DESK_INITIALS = /^[a-z]{1,4}(?:\/[a-z]{1,4})+$/;

/** A wire desk's sign-off initials. */
export function isDeskInitials(block: string): boolean {
  return DESK_INITIALS.test(block.trim());
}

const MONTH_NAMES = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?$/i;
const DAY_NAMES = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?$/i;
const TIME_WORDS = new Set([
  "published", "updated", "posted", "last", "first", "originally", "modified", "edited", "created", "release", "released",
  "date", "dated", "time", "on", "at", "of", "and", "ago", "hour", "hours", "min", "mins", "minute", "minutes", "second", "seconds",
  "day", "days", "read", "am", "pm", "a.m.", "p.m.", "gmt", "bst", "utc", "cet", "cest", "wet", "west", "eet", "eest", "msk",
  "ist", "est", "edt", "et", "cst", "cdt", "ct", "mst", "mdt", "mt", "pst", "pdt", "pt", "akst", "akdt", "hst", "aest", "aedt",
  "jst", "kst", "sgt", "hkt", "eastern", "central", "pacific", "mountain", "time", "today", "yesterday", "views", "view",
  "|", "·", "•", "-", "–", "—", "∙", "/",
]);

function isTimeToken(word: string): boolean {
  // "(GMT)", "Updated:", "4th," — brackets and trailing marks do not change the word.
  const w = word.toLowerCase().replace(/^\(|[:,)]+$/g, "");
  return (
    TIME_WORDS.has(w) || MONTH_NAMES.test(w) || DAY_NAMES.test(w) ||
    /^[\d.:/,+-]+$/.test(w) || /^\d{1,2}(?:st|nd|rd|th)$/.test(w) || /^(?:gmt|utc)[+-]\d{1,2}(?::?\d{2})?$/.test(w) ||
    /^\d{1,2}(?:[:.]\d{2})?(?:am|pm|a\.m\.|p\.m\.)$/.test(w) || /^\d{4}-\d{2}-\d{2}t[\d:.]+(?:z|[+-][\d:]+)?$/.test(w)
  );
}

/**
 * A line made only of dates, times and their words: "Published: 23:41, 16 Nov 2024 |
 * Updated: 08:15", "March 11, 2025 4:52 PM GMT+2 Updated 2 hours ago", "3 min read".
 */
export function isTimestampLine(block: string): boolean {
  if (block.length > 120 || !/\d/.test(block)) return false;
  const words = block.split(/\s+/).filter(Boolean);
  return words.every(isTimeToken);
}
