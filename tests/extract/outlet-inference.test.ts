import { describe, expect, it } from "vitest";
import { dateInLine, findOutletClue, inferOutlet, inferPublishedOn, isOutletNameLine, readCopyrightHolder } from "../../src/extract/outlet-inference.js";

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

  it("names the copyright holder without the words that follow its name", () => {
    expect(readCopyrightHolder("Copyright 2025 The Harbour Ledger. All rights reserved.")).toBe("The Harbour Ledger");
    expect(readCopyrightHolder("© Copyright 2025 The Millbrook Courier, Millbrook, Eastmark")).toBe("The Millbrook Courier");
    expect(readCopyrightHolder("Copyright 2025 KHRB 9 News, a Sunrise Media station.")).toBe("KHRB 9 News");
    expect(readCopyrightHolder("© 2020-2025 Harbour Ledger Media Inc. All Rights Reserved.")).toBe("Harbour Ledger Media");
    expect(readCopyrightHolder("© Nordpress 2025")).toBe("Nordpress");
    expect(readCopyrightHolder("All content © 2025 The Harbour Ledger")).toBe("The Harbour Ledger");
    expect(readCopyrightHolder("(c) 2025 Eastmark Department of Coastal Resources | Privacy")).toBe("Eastmark Department of Coastal Resources");
  });

  it("does not take a sentence about copyright for a copyright line", () => {
    expect(readCopyrightHolder("Copyright law protects the ferry's timetable, the court ruled.")).toBeNull();
    expect(readCopyrightHolder("Copyright 2025 was a hard year for the pier, residents said.")).toBeNull();
  });

  it("takes the outlet from the page's last copyright line, not a photo's", () => {
    expect(inferOutlet(["Pier to close", "© 2025 Ana Costa", "The authority said so.", "© 2025 The Harbour Ledger. All rights reserved."])).toBe("The Harbour Ledger");
  });

  it("reads a date line with weekday, time and zone in any of the usual orders", () => {
    for (const line of [
      "Published Tuesday, 4 March 2025, 10:32 GMT",
      "Mar. 4, 2025 at 10:32 a.m. EST",
      "4 March 2025 10:32 CET",
      "Updated: 10:32 AM EST Mar 4, 2025",
      "Tuesday, March 4th, 2025 10:32 am EST",
      "Posted: Tue 04 Mar 2025 10.32 (GMT)",
      "Last updated on 4th of March 2025 - 10:32 CT",
      "Posted at 10:32 AM, Mar 04, 2025 and last updated 11:05 AM, Mar 04, 2025",
    ]) expect(inferPublishedOn(["Pier to close", line]), line).toBe("2025-03-04");
  });

  it("does not date the article from a sentence that mentions a date", () => {
    expect(inferPublishedOn(["Pier to close", "The pier closed on March 4, 2025 after cracks were found."])).toBeNull();
  });
});
