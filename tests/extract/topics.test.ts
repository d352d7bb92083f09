import { describe, expect, it } from "vitest";
import { findTopics } from "../../src/extract/topics.js";

// An invented article: the envoy's subject (rare earth metals) is named in the lead and in
// his quote; the economy only in passing, three times, in his title and background.
const body = [
  "The envoy said on Thursday he had discussed cooperation with Norway in the Arctic and on rare earth metals, and that talks would go on.",
  "Anatol Berezin, the special envoy on economic cooperation, told reporters that both sides \"discussed joint work on rare earths and the polar shelf\".",
  "His country's economy has slowed this year, and economic growth is forecast at one percent.",
  "Berezin, who heads the state economic development fund, said another round was planned for the autumn in the Arctic port of Kirkenes.",
].join("\n\n");

describe("findTopics", () => {
  it("ranks a specific subject named in the lead and in a quote above a generic word used in passing", () => {
    const slugs = findTopics("Envoy seeks Arctic cooperation", body).map((t) => t.slug);
    expect(slugs[0]).toBe("arctic");
    expect(slugs.indexOf("rare-earth-metals")).toBeGreaterThan(-1);
    expect(slugs.indexOf("rare-earth-metals")).toBeLessThan(slugs.indexOf("economy") === -1 ? Infinity : slugs.indexOf("economy"));
  });

  it("folds the ways news writes one subject into one topic", () => {
    const topics = findTopics("Rare metals deal", "Rare earths, rare metals and rare earth elements were on the table; the rare earth metals deal was signed.");
    expect(topics.filter((t) => t.slug === "rare-earth-metals")).toHaveLength(1);
  });

  it("keeps a word mentioned once in a long article out of the tags", () => {
    const paragraph = "The council met to discuss the bus timetable and the new ferry terminal, and the motion passed. ".repeat(4);
    const long = [...Array.from({ length: 15 }, () => paragraph), "One councillor mentioned oil."].join("\n\n");
    expect(findTopics("Council meets", long).map((t) => t.slug)).not.toContain("oil");
  });
});
