// Page bytes → a DOM. The charset is the one the HTTP response named, else the one the
// page declares in its first bytes (<meta charset>, http-equiv), used only when the bytes
// are not UTF-8 (decode-text.ts). linkedom builds the DOM: several times faster than jsdom
// and enough for Readability, which needs no layout or scripts.
import { parseHTML } from "linkedom";
import { decodeText } from "./decode-text.js";
import type { ExtractFailure } from "./failures.js";

export type ParsedPage = { ok: true; document: Document } | ExtractFailure;

const DECLARED_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** The charset a page declares in its first 4 KB, where the HTML standard says to look. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  return DECLARED_CHARSET.exec(head)?.[1] ?? null;
}

export function parsePage(bytes: Uint8Array, file: string, httpCharset: string | null): ParsedPage {
  const decoded = decodeText(bytes, file, httpCharset ?? declaredCharset(bytes));
  if (!decoded.ok) return decoded;
  // linkedom's types are its own classes; they implement the DOM interfaces the stages read.
  const { document } = parseHTML(decoded.text) as unknown as { document: Document };
  return { ok: true, document };
}
