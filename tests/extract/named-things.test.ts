import { describe, expect, it } from "vitest";
import { namedThings } from "../../src/link/key-terms.js";

const none = new Set<string>();

describe("namedThings", () => {
  it("lists the capitalised things an article names inside its sentences, most frequent first", () => {
    const body = "Ships left the port of Bergen for the Arctic. Crews in Bergen and Tromsø said the Arctic ice was thin near Svalbard, and Bergen agreed.";
    expect(namedThings(body, none)).toEqual(["bergen", "arctic", "svalbard", "tromsø"]);
  });

  it("leaves out the article's dateline, wire credit included", () => {
    const body = "DOHA, Dec. 13 (Northwind Wire) - Talks on the Gulf gas deal resumed in Qatar on Sunday.";
    expect(namedThings(body, none)).toEqual(["gulf", "qatar"]);
  });

  it("leaves out abbreviated months and days, which name dates rather than things", () => {
    const body = "The vote, first set for Sept. 4, moved to Wed. Oct. 9 in Lisbon. From Jan. 1 Lisbon will charge a fee.";
    expect(namedThings(body, none)).toEqual(["lisbon"]);
  });

  it("leaves out the words of the outlet's own name, which every article of the outlet carries", () => {
    const body = "Dock workers told the Harbour Ledger that the strike in Gdansk would go on. Gdansk officials declined to speak to the Ledger.";
    expect(namedThings(body, none, "The Harbour Ledger")).toEqual(["gdansk"]);
    expect(namedThings(body, none)).toContain("ledger");
  });

  it("leaves out the people's names", () => {
    const body = "In Oslo, minister Ingrid Halvorsen met Halvorsen's staff.";
    expect(namedThings(body, new Set(["ingrid", "halvorsen"]))).toEqual(["oslo"]);
  });
});
