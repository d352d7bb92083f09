// A WARC archive → corpus entries: every HTML response becomes an article named
// "file.warc.gz#offset", with the URI it captured and its capture day; every other record
// (requests, metadata, images, redirects) is counted, and the counts reported in one line
// for the file; a record that cannot be read is reported by its offset.
import { checkCrawlerMeta } from "../extract/crawler-meta.js";
import { stat } from "node:fs/promises";
import type { ArchiveProgress, CorpusEntry, ManifestEntry } from "./read-corpus.js";
import { readWarcRecords } from "./warc-records.js";

const PROGRESS_EVERY = 1000;
const HTML_TYPE = /^(?:text\/html|application\/xhtml\+xml)$/;

function looksLikeHtml(body: Uint8Array): boolean {
  return /^\s*<(?:!doctype html|html|head|body|meta|!--)/i.test(new TextDecoder("latin1").decode(body.subarray(0, 512)));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export async function* readWarcArticles(
  path: string,
  // manifestFor: what the folder's manifest says about the record captured at a URI (see read-corpus.ts).
  options: { maxBytes: number; onProgress?: (progress: ArchiveProgress) => void; manifestFor?: (uri: string | null) => ManifestEntry | undefined },
): AsyncGenerator<CorpusEntry> {
  const passedOver = new Map<string, number>();
  const count = (why: string) => passedOver.set(why, (passedOver.get(why) ?? 0) + 1);
  let records = 0;
  try {
    const bytes = options.onProgress ? (await stat(path)).size : 0;
    for await (const item of readWarcRecords(path, { maxRecordBytes: options.maxBytes })) {
      if (++records % PROGRESS_EVERY === 0) options.onProgress?.({ file: path, records, bytesRead: item.offset, bytes });
      const file = `${path}#${item.offset}`;
      if (item.kind === "problem") {
        yield { file, error: { code: "BAD_WARC_RECORD", message: `${file}: ${item.message}` } };
        continue;
      }
      if (item.kind === "other") {
        count(`${item.type} record`);
        continue;
      }
      if (item.status !== null && (item.status < 200 || item.status > 299)) {
        count(`response with HTTP status ${item.status}`);
        continue;
      }
      if (item.contentType ? !HTML_TYPE.test(item.contentType) : !looksLikeHtml(item.body)) {
        count(`${item.contentType ?? "non-HTML"} response`);
        continue;
      }
      // Held to the same checks as a manifest's fields; a value that fails is dropped, the page kept.
      const day = checkCrawlerMeta({ publishedOn: /^\d{4}-\d{2}-\d{2}/.exec(item.date ?? "")?.[0] ?? null });
      const uri = checkCrawlerMeta({ url: item.targetUri });
      const capturedOn = day.ok ? day.meta.publishedOn : null;
      const listed = options.manifestFor?.(item.targetUri);
      if (listed && !listed.ok) {
        yield { file, error: { code: "BAD_MANIFEST", message: `${file} (${item.targetUri}) was not read: it ${listed.problem}` } };
        continue;
      }
      yield {
        file,
        raw: { file, bytes: item.body, format: "warc", meta: listed?.meta, capture: { url: uri.ok ? uri.meta.url : null, capturedOn, charset: item.charset } },
        warning: item.cutShort ? `the record is cut short (${item.cutShort}); the page was read as far as it goes` : undefined,
      };
    }
  } catch (error) {
    // The file itself failed (unreadable, removed while read): what was read stands.
    yield { file: path, error: { code: "UNREADABLE", message: `${path}: ${(error as Error).message}; records before this point were read` } };
  }
  if (passedOver.size) {
    const total = [...passedOver.values()].reduce((a, b) => a + b, 0);
    const detail = [...passedOver].map(([why, n]) => `${n} ${why}${n === 1 ? "" : "s"}`).join(", ");
    yield { file: path, skipped: { reason: `${plural(total, "record")} that are not HTML pages passed over (${detail})` } };
  }
}
