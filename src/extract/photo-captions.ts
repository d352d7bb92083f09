// Photo captions and credits saved with the article text. They are recognised by
// the shape every outlet gives them — a label ("FILE PHOTO:", "Photo:"), or a
// credit at the end: "Name / AGENCY", "AGENCY/Name/File photo", "(AP Photo/Name)",
// "Photo: Name", "PHOTO: AGENCY" — and the credited names are kept aside: photographers are not
// authors and not newsmakers.

export interface PhotoCaption {
  /** Names of photographers or agencies credited in the caption. */
  credits: string[];
}

const CAPTION_LABEL = /^(?:FILE PHOTO|FILE PICTURE|PHOTOS?|PHOTOGRAPH|PICTURE|PICTURED|IMAGE|CAPTION|ILLUSTRATION|GRAPHIC|VIDEO|File photo|Photos?|Photograph|Picture|Pictured|Image|Caption|Illustration|Graphic)\s*[:|]\s*/;
const NAME = String.raw`[A-Z][\p{L}'’.-]*(?: [A-Z][\p{L}'’.-]*){0,3}`;
const AGENCY = String.raw`[A-Z][A-Za-z&.]*(?: [A-Z][A-Za-z&.]*){0,2}`;
// "Zoya Ivanova / TASS", "Ana Ruiz / Getty Images" at the very end of a block.
const NAME_SLASH_AGENCY = new RegExp(String.raw`(?:^|\s)(${NAME}) / (${AGENCY})$`, "u");
// "REUTERS/Ana Ruiz/File photo", "AFP/Ana Ruiz".
const AGENCY_SLASH_NAME = new RegExp(String.raw`\b([A-Z]{2,}(?: [A-Z]{2,})?)/(${NAME})(?:/[\p{L} ]+)?$`, "u");
// "(AP Photo/Ana Ruiz)", "(Photo by Ana Ruiz/Getty Images)".
const PAREN_CREDIT = new RegExp(String.raw`\((?:[A-Z]{2,} )?Photo(?: by)?[/ ](${NAME})(?:/[^)]*)?\)$`, "u");
// "Photo: Ana Ruiz", "Photograph: Ana Ruiz for The Herald", "Photo: Ana Ruiz, The Herald", "Credit: Reuters".
const LABELLED_CREDIT = new RegExp(String.raw`\b(?:Photo|Photograph|Picture|Image|Credit)s?: (${NAME})(?:[/ ,|].*)?$`, "u");
// A credit in brackets closing a caption, in the words each outlet uses: "(HPA Photo/Ana Ruiz, File)",
// "(Staff photo by Ana Ruiz)", "(Image: Harbour Ferries)", "(Photo courtesy of the council)", "(File photo)".
// A keyword followed by other words ("(photos below)") is the article's own aside.
const BRACKETED_CREDIT = /[([]((?:[\p{L}.&'’ -]{0,40}\s)?(?:photo(?:graph)?|image|picture|illustration)s?(?:\s*(?:\/|:|\bby\b|\bcourtesy\b)[^()[\]]*|,\s*file)?|(?:photo\s+)?courtesy\b[^()[\]]*)[)\]]$/iu;
// After a caption's sentence, a bar and the credit: "… on Monday. | Ana Ruiz/The Herald".
const BAR_CREDIT = new RegExp(String.raw`[.!?)]\s*\|\s*(?:(?:Photo|Photograph|Picture|Image|Credit)s?(?: by)?\s*:?\s*)?(${NAME})(?:\s*(?:[/,|]|\bfor\b).*)?$`, "u");
// A line that is only a credit: "Photo courtesy of Harbour Ferries", "Staff photo by Ana Ruiz", "Courtesy of the council".
const CREDIT_LINE = /^(?:(?:file|staff|submitted|courtesy|contributed)\s+)?(?:photo|photograph|image|picture)s?\s+(?:by|courtesy(?: of)?|credit:?)\s+(?:the\s+)?|^courtesy(?: of)?\s+(?:the\s+)?/i;
// "(Ana Ruiz/The Herald)", "(Ana Ruiz | The Herald)": a name and an outlet in brackets closing a caption.
const BRACKETED_NAME_OUTLET = new RegExp(String.raw`[.!?]\s*\((${NAME})\s*[/|]\s*(?:The )?${AGENCY}\)$`, "u");
// "Image source, Getty Images", "Image caption, …" and "Credit...Ana Ruiz for The Herald": labels some outlets export with the photo.
const EXPORTED_LABEL = /^(?:(?:image|photo|video) (?:source|caption|copyright)\s*[,:]|credit\.{3}|credit…)/i;
const LONGEST_CREDIT_LINE_WORDS = 15;
// "… since 2022. PHOTO: AFP", "PICTURE: Ana Ruiz/HPA": a credit label in capitals closing a caption.
const CAPITAL_LABEL_CREDIT = new RegExp(String.raw`(?:^|\s)(?:PHOTO(?:GRAPH)?|PICTURE|IMAGE|CREDIT)S?\s*:\s*(${NAME})(?:\s*\/\s*(${AGENCY}))?$`, "u");
const STOCK_CREDIT = /\b(?:Getty Images|Shutterstock|Alamy|AP Photo|EPA-EFE|AFP via Getty Images)\)?$/;

// Captions are a sentence or two; a longer block is prose whatever its last words are.
const LONGEST_CAPTION = 600;

/** The caption and its credits when the block is a photo caption or credit line, else null. */
export function readPhotoCaption(block: string): PhotoCaption | null {
  if (block.length > LONGEST_CAPTION) return null;
  const labelled = CAPTION_LABEL.exec(block);
  if (labelled) {
    const rest = block.slice(labelled[0].length);
    // A label followed only by a credit: "PHOTO: REUTERS".
    const bareCredit = rest.split(/\s+/).length <= 4 && /^[A-Z]/.test(rest) ? [rest.trim()] : [];
    return { credits: trailingCredits(rest) ?? bareCredit };
  }
  if (isCreditLine(block)) return { credits: namesAfterMarkers(block) };
  if (EXPORTED_LABEL.test(block)) return { credits: [] };
  const nameOutlet = BRACKETED_NAME_OUTLET.exec(block);
  if (nameOutlet) return { credits: [nameOutlet[1]] };
  // Brackets first: a label inside them ("(Image: Harbour Ferries)") is read whole there.
  const bracketed = BRACKETED_CREDIT.exec(block);
  if (bracketed) return { credits: namesAfterMarkers(bracketed[1]) };
  const credits = trailingCredits(block);
  if (credits || STOCK_CREDIT.test(block)) return { credits: credits ?? [] };
  return null;
}

// The credit after the label starts with a capital ("Photo by Ana Ruiz"); "Photo by photo, the show …" is prose.
function isCreditLine(block: string): boolean {
  const label = CREDIT_LINE.exec(block);
  if (!label || block.split(/\s+/).length > LONGEST_CREDIT_LINE_WORDS || /\b(?:said|says|told)\b/.test(block)) return false;
  return /^\p{Lu}/u.test(block.slice(label[0].length));
}

// In "HPA Photo/Ana Ruiz, File" or "Staff photo by Ana Ruiz" the names follow "/", ":", "by" or "of".
const NAME_AFTER_MARKER = new RegExp(String.raw`(?:\/|:|\bby|\bof)\s*(${NAME})`, "gu");

function namesAfterMarkers(credit: string): string[] {
  return [...credit.matchAll(NAME_AFTER_MARKER)].map((m) => m[1].trim()).filter((name) => !/^(?:File|Staff)$/.test(name));
}

function trailingCredits(text: string): string[] | null {
  for (const pattern of [NAME_SLASH_AGENCY, AGENCY_SLASH_NAME, PAREN_CREDIT, LABELLED_CREDIT, CAPITAL_LABEL_CREDIT, BAR_CREDIT]) {
    const match = pattern.exec(text);
    if (match) return match.slice(1).filter((m): m is string => Boolean(m)).map((m) => m.trim());
  }
  return null;
}
