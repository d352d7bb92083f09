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
// "Photo: Ana Ruiz", "Photograph: Ana Ruiz for The Herald", "Credit: Reuters".
const LABELLED_CREDIT = new RegExp(String.raw`\b(?:Photo|Photograph|Picture|Image|Credit)s?: (${NAME})(?:[/ ].*)?$`, "u");
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
  const credits = trailingCredits(block);
  if (credits || STOCK_CREDIT.test(block)) return { credits: credits ?? [] };
  return null;
}

function trailingCredits(text: string): string[] | null {
  for (const pattern of [NAME_SLASH_AGENCY, AGENCY_SLASH_NAME, PAREN_CREDIT, LABELLED_CREDIT, CAPITAL_LABEL_CREDIT]) {
    const match = pattern.exec(text);
    if (match) return match.slice(1).filter((m): m is string => Boolean(m)).map((m) => m.trim());
  }
  return null;
}
