// The ways a file can fail to become an article, as values. Each factory produces
// the failure a stage returns (stages never throw for bad input); messages name the
// file, say what was wrong and what to do about it.
import type { ExtractFailureCode } from "./types.js";

export interface ExtractFailure {
  ok: false;
  code: ExtractFailureCode;
  message: string;
}

function failure(code: ExtractFailureCode, message: string): ExtractFailure {
  return { ok: false, code, message };
}

/** A file with no bytes, or only whitespace. */
export function emptyFile(file: string, detail = "has no bytes"): ExtractFailure {
  return failure("EMPTY_FILE", `${file} ${detail}; re-fetch the article or remove the file from the batch.`);
}

/** A file over the size limit; produced before any stage reads it. */
export function tooLarge(file: string, bytes: number, maxBytes: number): ExtractFailure {
  return failure(
    "TOO_LARGE",
    `${file} is ${bytes} bytes, over the ${maxBytes}-byte limit; it is probably not a single article. Raise maxBytes (--max-bytes) if it is.`,
  );
}

/** A file that is not text (an image, a PDF, an archive, or bytes with NUL characters). */
export function binaryFile(file: string, what: string): ExtractFailure {
  return failure("BINARY_FILE", `${file} is not text (${what}); only plain-text article files can be extracted.`);
}

/** YAML front matter that cannot be read or holds an unusable field. */
export function badFrontMatter(file: string, problem: string): ExtractFailure {
  return failure("BAD_FRONT_MATTER", `${file}: front matter ${problem}. Fix the --- block at the top of the file.`);
}

/** A file whose text is all page furniture once the junk is removed. */
export function noText(file: string): ExtractFailure {
  return failure("NO_TEXT", `${file} has no article text once menus, captions and appeals are removed; check that the scrape captured the article.`);
}
