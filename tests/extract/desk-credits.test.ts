import { describe, expect, it } from "vitest";
import { isDeskCredit } from "../../src/extract/desk-credits.js";

describe("isDeskCredit", () => {
  it("recognises staff and wire credit lines as outlets print them", () => {
    for (const line of [
      "Staff and wire reports",
      "From staff and wire reports",
      "— Staff and news service reports",
      "Compiled from wire reports.",
      "Harbour Ledger staff report",
      "From Harbour Ledger staff and wire services",
      "Wire services contributed to this report.",
      "Information from the wires was used in this report.",
      "Staff report",
    ]) expect(isDeskCredit(line), line).toBe(true);
  });

  it("keeps sentences about staff and wires", () => {
    for (const line of [
      "Ferry staff walked off the job on Tuesday.",
      "The harbour board cut staff by a third last year, the report found.",
      "Wire fences now line the pier.",
    ]) expect(isDeskCredit(line), line).toBe(false);
  });
});
