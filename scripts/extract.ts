// npm run extract -- [--max-bytes N] FILE_OR_DIR...
// Prints one NDJSON line per extracted article (the format ../shared/eval/score.mjs
// reads); a file that fails gets one line on stderr naming it and the problem.
// Exits 1 if any file failed, 0 otherwise.
import { parseArgs } from "node:util";
import { maxBytesOption } from "./cli/max-bytes-option.js";
import { readingProgress } from "./terminal/progress-bar.js";
import { withoutFileName } from "../src/archive/ingest-files.js";
import { readCorpus } from "../src/corpus/read-corpus.js";
import { linkAcrossArticles, type CrossArticleLinks } from "../src/link/cross-article-links.js";
import { extractArticle } from "../src/extract/pipeline.js";
import { fullNamesBySurname, knownPeople, sharesSurnames } from "../src/extract/batch-full-names.js";
import type { ArticleDraft, RawArticle } from "../src/extract/types.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "max-bytes": { type: "string" }, help: { type: "boolean", short: "h" } },
});
if (values.help || positionals.length === 0) {
  console.error("usage: npm run extract -- [--max-bytes N] FILE_OR_DIR...\n  Prints one JSON line per article: text files (with manifest.json or front matter), HTML pages,\n  WARC archives (each HTML response) and news-please JSON records.");
  process.exit(values.help ? 0 : 2);
}
const maxBytes = maxBytesOption(values["max-bytes"]);

/** A person's name as the batch completes it, the article's own spelling kept as an alias. */
function completed(name: string, aliases: string[], fullName: (name: string) => string): { name: string; aliases: string[] } {
  const full = fullName(name);
  return full === name ? { name, aliases } : { name: full, aliases: [name, ...aliases.filter((a) => a !== full)] };
}

function toLine(draft: ArticleDraft, statementOf: (quoteIndex: number) => string | undefined, story: string, { fullName, speakerOf }: CrossArticleLinks): string {
  return JSON.stringify({
    file: draft.file,
    headline: draft.headline,
    byline: draft.byline,
    outlet: draft.outlet,
    publishedOn: draft.publishedOn,
    url: draft.url,
    format: draft.format ?? "text",
    dateline: draft.dateline,
    standfirst: draft.standfirst,
    body: draft.body,
    people: draft.people.map((p) => completed(p.name, p.aliases, fullName)),
    quotes: draft.quotes.map((q, i) => ({
      text: q.text,
      speaker: speakerOf(q).speaker,
      speakerKind: speakerOf(q).kind,
      position: q.position,
      statement: statementOf(i),
    })),
    topics: draft.topics,
    story,
  });
}

// Statements and stories link articles to each other, so every draft is read before any is printed.
const drafts: ArticleDraft[] = [];
const rereads = new Map<number, RawArticle>();
let failed = 0;
// On a terminal, a bar says how far a long WARC is read.
const progress = readingProgress();
for await (const entry of readCorpus(positionals, { maxBytes, onProgress: progress.onProgress })) {
  if (entry.skipped) {
    progress.err(`${entry.file}: skipped, ${entry.skipped.reason}`);
    continue;
  }
  if (entry.error || !entry.raw) {
    failed++;
    progress.err(`${entry.file}: ${withoutFileName(entry.error?.message ?? "could not be read", entry.file)} [${entry.error?.code ?? "UNREADABLE"}]`);
    continue;
  }
  if (entry.warning) progress.err(`${entry.file}: warning, ${entry.warning}`);
  const result = extractArticle(entry.raw, { maxBytes });
  if (!result.ok) {
    failed++;
    progress.err(`${entry.file}: ${withoutFileName(result.message, entry.file)} [${result.code}]`);
    continue;
  }
  drafts.push(result.draft);
  // Kept only where a second reading may change who a surname means (see below).
  if (sharesSurnames(result.draft)) rereads.set(drafts.length - 1, entry.raw);
}
progress.stop();
// An article naming several people of one surname is read again with what the whole batch
// knows: a lone "Clinton" beside Bill and Hillary Clinton means the one the batch names most.
const known = knownPeople(fullNamesBySurname(drafts));
for (const [d, raw] of rereads) {
  const again = extractArticle(raw, { maxBytes, knownBySurname: known });
  if (again.ok) drafts[d] = again.draft;
}
const links = linkAcrossArticles(drafts);
drafts.forEach((draft, d) => process.stdout.write(`${toLine(draft, (q) => links.statementOf.get(`${d}#${q}`), links.storyOf[d], links)}\n`));
process.exitCode = failed > 0 ? 1 : 0;
