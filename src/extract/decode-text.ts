// Bytes → text. Scrapers save whatever the server sent: mostly UTF-8, sometimes
// Windows-1252/Latin-1 from older CMSs, occasionally UTF-8 that was decoded as
// Windows-1252 once already ("Ã©" for "é"), and now and then an image or PDF saved
// under a .txt name. Text is converted rather than rejected; only non-text fails.
import chardet from "chardet";
import iconv from "iconv-lite";
import { binaryFile, emptyFile, type ExtractFailure } from "./failures.js";

export type DecodedText = { ok: true; text: string; encoding: string } | ExtractFailure;

const MAGIC_NUMBERS: Array<[string, number[]]> = [
  ["a PDF document", [0x25, 0x50, 0x44, 0x46]],
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a ZIP archive or Office document", [0x50, 0x4b, 0x03, 0x04]],
  ["a gzip archive", [0x1f, 0x8b]],
  ["a WebP or other RIFF file", [0x52, 0x49, 0x46, 0x46]],
];

// Scripts whose single-byte encodings chardet tells apart reliably. For Latin-script
// text its guesses (ISO-8859-2 for French, say) are worse than always assuming
// Windows-1252, which is what mislabelled Western pages almost always are.
const NON_LATIN_SINGLE_BYTE = new Set(["windows-1251", "KOI8-R", "ISO-8859-5", "ISO-8859-6", "ISO-8859-7", "ISO-8859-8", "windows-1253", "windows-1255", "windows-1256"]);

const SNIFF_BYTES = 64 * 1024;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Why the bytes are not text, or null when they may be. */
function whyNotText(bytes: Uint8Array): string | null {
  for (const [what, magic] of MAGIC_NUMBERS) if (startsWith(bytes, magic)) return `it starts like ${what}`;
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) return "it contains NUL bytes";
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > end * 0.05 ? "more than 5% of its bytes are control characters" : null;
}

function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null; // not UTF-8: the caller falls back to a single-byte encoding
  }
}

function guessSingleByteEncoding(bytes: Uint8Array): string {
  const best = chardet.analyse(bytes.subarray(0, SNIFF_BYTES)).find((m) => m.name !== "ASCII" && m.name !== "UTF-8");
  return best && best.confidence >= 50 && NON_LATIN_SINGLE_BYTE.has(best.name) ? best.name : "windows-1252";
}

// "â€™", "Ã©", "Â " are what UTF-8 looks like after one wrong Windows-1252 decoding.
const MOJIBAKE = /[ÂÃ][\u0080-\u00bf]|â€[\u0080-\u00bf™œ\u009d˜¦“”]/g;

/** Undoes one round of UTF-8-read-as-Windows-1252 when that clearly makes the text cleaner. */
function repairMojibake(text: string): string {
  const marks = text.match(MOJIBAKE)?.length ?? 0;
  if (marks < 2) return text;
  const repaired = decodeUtf8Strict(iconv.encode(text, "windows-1252"));
  if (repaired === null) return text;
  return (repaired.match(MOJIBAKE)?.length ?? 0) < marks ? repaired : text;
}

/**
 * Decodes a file's bytes to text, converting legacy encodings; fails only for empty or non-text
 * files. `declared` is the charset a page or its HTTP response names, used when the bytes are
 * not UTF-8 (a page that says UTF-8 and is, is read as UTF-8 whatever it declares).
 */
export function decodeText(bytes: Uint8Array, file: string, declared: string | null = null): DecodedText {
  if (bytes.length === 0) return emptyFile(file);
  if (startsWith(bytes, [0xff, 0xfe])) return decoded(iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16le"), "utf-16le", file);
  if (startsWith(bytes, [0xfe, 0xff])) return decoded(iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16be"), "utf-16be", file);
  const notText = whyNotText(bytes);
  if (notText) return binaryFile(file, notText);
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== null) return decoded(repairMojibake(utf8.replace(/^\uFEFF/, "")), "utf-8", file);
  const encoding = declared && !/^utf-?8$/i.test(declared) && iconv.encodingExists(declared) ? declared : guessSingleByteEncoding(bytes);
  return decoded(iconv.decode(Buffer.from(bytes), encoding), encoding, file);
}

function decoded(text: string, encoding: string, file: string): DecodedText {
  if (text.trim() === "") return emptyFile(file, "contains only whitespace");
  return { ok: true, text, encoding };
}
