// Page bytes → a DOM. The charset is the one the HTTP response named, else the one the
// page declares in its first bytes (<meta charset>, http-equiv), used only when the bytes
// are not UTF-8 (decode-text.ts). linkedom builds the DOM: several times faster than jsdom
// and enough for Readability, which needs no layout or scripts.
import { createRequire } from "node:module";
import { decodeText } from "./decode-text.js";
import type { ExtractFailure } from "./failures.js";

export type ParsedPage = { ok: true; document: Document } | ExtractFailure;

const DECLARED_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** The charset a page declares in its first 4 KB, where the HTML standard says to look. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  return DECLARED_CHARSET.exec(head)?.[1] ?? null;
}

// Loaded when the first page arrives, not with the pipeline: linkedom takes a third of a
// second or more to load, and every extraction worker of an ingest of text files paid it.
// Its CommonJS build can be required synchronously, as the pipeline runs.
let parseHTML: typeof import("linkedom").parseHTML | undefined;
const loadParser = () => (parseHTML ??= (createRequire(import.meta.url)("linkedom") as typeof import("linkedom")).parseHTML);

export function parsePage(bytes: Uint8Array, file: string, httpCharset: string | null): ParsedPage {
  const decoded = decodeText(bytes, file, httpCharset ?? declaredCharset(bytes));
  if (!decoded.ok) return decoded;
  // linkedom's types are its own classes; they implement the DOM interfaces the stages read.
  const { document } = loadParser()(decoded.text) as unknown as { document: Document };
  return { ok: true, document };
}
