import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/pipeline.js";
import { growthRatio } from "../support/growth-ratio.js";

const raw = (text: string | Uint8Array, meta = {}) => ({
  file: "story.txt",
  bytes: typeof text === "string" ? new TextEncoder().encode(text) : text,
  meta,
});

const ARTICLE = [
  "Support The Harbour Post!",
  "",
  "Ferry to run through the winter after council vote",
  "",
  "By Ana Costa",
  "",
  "PORTO – The council voted 11-6 on Tuesday to keep the ferry running, reversing a staff plan to suspend it.",
  "",
  "“People depend on this boat,” said councillor Iker Salas, who brought the motion.",
  "",
  "Mayor Rita Gomes said the city would have to find the money. “The bill arrives later,” she said.",
  "",
  "Read more",
].join("\n");

describe("extractArticle", () => {
  it("extracts headline, byline, dateline, body, people and quotes", () => {
    const result = extractArticle(raw(ARTICLE, { outlet: "The Harbour Post", publishedOn: "2025-01-07" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const d = result.draft;
    expect(d).toMatchObject({ headline: "Ferry to run through the winter after council vote", byline: ["Ana Costa"], dateline: "PORTO", outlet: "The Harbour Post", publishedOn: "2025-01-07" });
    expect(d.body).not.toMatch(/Support The Harbour Post|Read more|By Ana Costa/);
    expect(d.people.map((p) => p.name)).toEqual(["Iker Salas", "Rita Gomes"]);
    expect(d.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ["People depend on this boat,", "Iker Salas"],
      ["The bill arrives later,", "Rita Gomes"],
    ]);
    expect(d.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(d.topics).toBeInstanceOf(Array);
  });

  it("does not take the article's own outlet for a person where a source talks to it", () => {
    const text = `Harbour fees cut\n\nBy Ana Lind\n\nIlze Rozentale, a researcher at the Riga Institute, told Baltic Courier that the offer was "a shop window more than a shop," adding that buyers would wait.\n`;
    const result = extractArticle(raw(text, { outlet: "The Baltic Courier" }));
    expect(result.ok && result.draft.people.map((p) => p.name)).toEqual(["Ilze Rozentale"]);
  });

  it("infers the outlet from the page when no manifest names it", () => {
    const result = extractArticle(raw(ARTICLE));
    expect(result.ok && result.draft.outlet).toBe("The Harbour Post");
  });

  it("reads outlet and date from front matter", () => {
    const result = extractArticle(raw(`---\noutlet: Island Courier\npublishedOn: 2025-03-01\nurl: https://courier.example/ferry\n---\n${ARTICLE}`));
    expect(result.ok && result.draft).toMatchObject({ outlet: "Island Courier", publishedOn: "2025-03-01", url: "https://courier.example/ferry" });
  });

  it("rejects an empty file with EMPTY_FILE", () => {
    expect(extractArticle(raw(""))).toMatchObject({ ok: false, code: "EMPTY_FILE" });
  });

  it("rejects a binary file with BINARY_FILE", () => {
    expect(extractArticle(raw(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x01])))).toMatchObject({ ok: false, code: "BINARY_FILE" });
  });

  it("converts a Windows-1252 file and extracts it", () => {
    const result = extractArticle(raw(iconv.encode("Café reopens\n\n“We missed it,” said owner Inês Faria.", "windows-1252")));
    expect(result.ok && result.draft.quotes).toEqual([{ text: "We missed it,", speaker: "Inês Faria", speakerKind: "person", position: 0 }]);
  });

  it("rejects broken front matter with BAD_FRONT_MATTER", () => {
    expect(extractArticle(raw(`---\npublishedOn: not-a-date\n---\n${ARTICLE}`))).toMatchObject({ ok: false, code: "BAD_FRONT_MATTER" });
  });

  it("rejects a page that is all furniture with NO_TEXT", () => {
    expect(extractArticle(raw("Read more\n\nShare this article\n\nAdvertisement"))).toMatchObject({ ok: false, code: "NO_TEXT" });
  });

  it("rejects an oversize file with TOO_LARGE before decoding it", () => {
    const result = extractArticle(raw("word ".repeat(1_200_000)));
    expect(result).toMatchObject({ ok: false, code: "TOO_LARGE" });
    expect(!result.ok && result.message).toContain("story.txt");
    // Bytes that decoding would refuse as binary are refused for their size first.
    expect(extractArticle({ file: "x.bin", bytes: new Uint8Array(3 * 1024 * 1024) })).toMatchObject({ ok: false, code: "TOO_LARGE" });
  });

  it("honours a smaller size limit", () => {
    expect(extractArticle(raw(ARTICLE), { maxBytes: 100 })).toMatchObject({ ok: false, code: "TOO_LARGE" });
  });

  // Eight times the text takes about eight times as long; a stage that backtracks or compares
  // every pair would take sixty-four times as long, well past the slack allowed here.
  it("extracts pathological inputs in time linear in their size", { timeout: 120_000 }, () => {
    const patterns: Array<(n: number) => string> = [
      (n) => '"a '.repeat(5_000 * n),
      (n) => ("“Ana Costa said,” said Ana Costa, ".repeat(40) + "\n\n").repeat(10 * n),
      (n) => "Ana Costa Tom Lake ".repeat(3_000 * n),
      (n) => `WASHINGTON – ${"Ruiz, ".repeat(9_000 * n)}said`,
    ];
    for (const pattern of patterns) {
      const ratio = growthRatio(pattern, (input) => expect(extractArticle(raw(input)).ok).toBe(true), { settledBelow: 12 });
      expect(ratio, pattern(1).slice(0, 30)).toBeLessThan(24);
    }
  });
});
