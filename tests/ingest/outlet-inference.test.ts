import { describe, expect, it } from "vitest";
import { dateInLine, findOutletClue, inferOutlet, inferPublishedOn, isOutletNameLine } from "../../src/ingest/outlet-inference.js";

describe("outlet inference", () => {
  it("names the outlet from a support appeal", () => {
    expect(inferOutlet(["Support The Harbour Post!", "Pier to close"])).toBe("The Harbour Post");
  });

  it("names the outlet from a support appeal followed by a pitch to the reader", () => {
    expect(findOutletClue("Support The Harbour Post – pay what you can, when you can")).toEqual({ outlet: "The Harbour Post", kind: "appeal" });
  });

  it("does not take a headline that starts with Support for an appeal", () => {
    expect(findOutletClue("Support Ukraine – but at what cost?")).toBeNull();
  });

  it("names the outlet from a message header", () => {
    expect(findOutletClue("A Message from The Harbour Post:")).toEqual({ outlet: "The Harbour Post", kind: "appeal" });
  });

  it("names an aggregator from its own report line", () => {
    expect(inferOutlet(["The talks were the first since 2022, Harbour.News reports, citing officials."])).toBe("Harbour.News");
  });

  it("prefers appeals and copyright lines over self-reports", () => {
    expect(inferOutlet(["Harbour.News reports, citing officials.", "© 2025 The Harbour Post"])).toBe("The Harbour Post");
  });

  it("gives no outlet when the page names none", () => {
    expect(inferOutlet(["Pier to close", "The authority said so."])).toBeNull();
  });

  it("reads the publication date from a time-stamp line", () => {
    expect(inferPublishedOn(["Pier to close", "Published April 3, 2025 10:12 am"])).toBe("2025-04-03");
    expect(dateInLine("Updated 3 Apr 2025")).toBe("2025-04-03");
  });

  it("recognises the outlet's name set as a line", () => {
    expect(isOutletNameLine("HARBOUR POST | English service", "The Harbour Post")).toBe(true);
    expect(isOutletNameLine("Harbour Post investigation finds fraud", "The Harbour Post")).toBe(false);
  });
});
