import { describe, expect, it } from "vitest";
import { isReporterContact } from "../../src/extract/reporter-contact.js";

describe("isReporterContact", () => {
  it("recognises how to reach the reporter, by phone, handle or email", () => {
    for (const line of [
      "Contact the reporter at 555-0100 or @janeroe_ledger.",
      "Jane Roe can be reached at (555) 010-0199 or jroe@harbourledger.example.",
      "Andrea Pike covers Millbrook for the Courier. Reach her at 555-0150 or on Twitter @apike_courier.",
      "Follow Jane Roe on X: @JaneRoeKHRB",
      "Twitter: @janeroe",
      "jroe@harbourledger.example | @janeroe",
      "Jane Roe: 555-0100",
      "Have a tip? Call the newsroom at 555-0111.",
      "Email Tom Akers at takers@khrb9.example or call +1 555 010 0142.",
    ]) expect(isReporterContact(line), line).toBe(true);
  });

  it("keeps an article sentence that gives a phone number or a handle", () => {
    for (const line of [
      "Parents can reach the district's transportation office at 555-0123 with questions, the sheriff said.",
      "“Call 555-0100 if you see the bus,” Sheriff Carla Benton told parents.",
      "The mayor's account, @HarbourviewMayor, posted the vote count at 10:32 p.m.",
      "The ferry carried 41,000 riders last winter.",
      "More than 2,000 people follow @HarbourviewMayor on X, where the vote was first announced.",
    ]) expect(isReporterContact(line), line).toBe(false);
  });
});
