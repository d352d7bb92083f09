// How the statement page marks one outlet's rendering against the first report.
import { describe, expect, it } from "vitest";
import { isTrimmed, wordDiff } from "../../src/server/explorer-browser/word-diff.js";

describe("wordDiff", () => {
  it("marks the words a trimmed rendering leaves out, ignoring case and punctuation", () => {
    const parts = wordDiff("The talks were constructive, and we will meet again.", "talks were constructive.");
    expect(parts).toEqual([
      { kind: "removed", text: "The" },
      { kind: "same", text: "talks were constructive." },
      { kind: "removed", text: "and we will meet again." },
    ]);
    expect(isTrimmed(parts)).toBe(true);
  });

  it("marks a retranslated word as left out and said instead (“constructive” against “creative”)", () => {
    const parts = wordDiff("The talks were constructive.", "The talks were creative.");
    expect(parts).toEqual([
      { kind: "same", text: "The talks were" },
      { kind: "removed", text: "constructive." },
      { kind: "added", text: "creative." },
    ]);
    expect(isTrimmed(parts)).toBe(false);
  });

  it("reads a changed stretch as one change: all that was left out, then all that is said instead", () => {
    const parts = wordDiff("ships will not stop this year", "vessels cannot be stopped this year");
    expect(parts).toEqual([
      { kind: "removed", text: "ships will not stop" },
      { kind: "added", text: "vessels cannot be stopped" },
      { kind: "same", text: "this year" },
    ]);
  });

  it("finds nothing to mark in the same words", () => {
    expect(wordDiff("We are ready,", "we are ready")).toEqual([{ kind: "same", text: "we are ready" }]);
  });
});
