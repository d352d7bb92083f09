import { describe, expect, it } from "vitest";
import { readBareNameLine, readClosingCredit, readCreditLine } from "../../src/extract/byline.js";

describe("readCreditLine", () => {
  it("reads authors from a By line", () => {
    expect(readCreditLine("By Ana Costa and Tom Lake")).toEqual({ authors: ["Ana Costa", "Tom Lake"], credits: [] });
  });

  it("drops a newsroom job title after the name", () => {
    expect(readCreditLine("By Ana Costa, Chief Transport Correspondent")).toEqual({ authors: ["Ana Costa"], credits: [] });
  });

  it("drops place and time segments", () => {
    expect(readCreditLine("By Ana Costa | Lisbon | 17/11/2024 - 12:05 CET")?.authors).toEqual(["Ana Costa"]);
  });

  it("title-cases a byline written in capitals", () => {
    expect(readCreditLine("By ANA COSTA")?.authors).toEqual(["Ana Costa"]);
  });

  it("separates writers from editors", () => {
    expect(readCreditLine("Written by Ana Costa · Edited by Tom Lake")).toEqual({ authors: ["Ana Costa"], credits: ["Tom Lake"] });
  });

  it("reads a wire sign-off: reporters are authors, editors are credits", () => {
    expect(readCreditLine("(Reporting by Ana Costa in Lisbon and Li Wei in Macau; Editing by Tom Lake)")).toEqual({
      authors: ["Ana Costa", "Li Wei"],
      credits: ["Tom Lake"],
    });
  });

  it("reads an exclusive byline", () => {
    expect(readCreditLine("Exclusive by Ana Costa, Showbiz Editor")?.authors).toEqual(["Ana Costa"]);
  });

  it("does not take agencies for authors", () => {
    expect(readCreditLine("By Reuters")).toEqual({ authors: [], credits: [] });
  });

  it("does not take a sentence that starts with By", () => {
    expect(readCreditLine("By supporting The Harbour Post, you keep it free.")).toBeNull();
  });
});

describe("readCreditLine (reviews)", () => {
  it("reads a reviewer's line as the byline of a review", () => {
    expect(readCreditLine("Reviewed by Ana Costa")).toEqual({ authors: ["Ana Costa"], credits: [] });
  });
});

describe("readBareNameLine", () => {
  it("reads a writer's name set on its own line", () => {
    expect(readBareNameLine("Ana Costa in Lisbon")).toEqual(["Ana Costa"]);
  });

  it("reads a live blog's shift line", () => {
    expect(readBareNameLine("Ana Costa (now) and Tom Lake (earlier)")).toEqual(["Ana Costa", "Tom Lake"]);
  });

  it("does not take a sentence", () => {
    expect(readBareNameLine("Ana Costa reported from Lisbon.")).toBeNull();
  });
});

describe("readClosingCredit", () => {
  it("reads a closing bio as the writer", () => {
    expect(readClosingCredit("Ana Costa is a local democracy reporter with The Harbour Post.")).toEqual({ authors: ["Ana Costa"], credits: [] });
  });

  it("reads a contributor line as a credit, not an author", () => {
    expect(readClosingCredit("HPA writer Tom Lake in Porto contributed to this report.")).toEqual({ authors: [], credits: ["Tom Lake"] });
  });

  it("reads an agency contributor line as a credit", () => {
    expect(readClosingCredit("Harbour Press writer Li Wei contributed from Macau.")).toEqual({ authors: [], credits: ["Li Wei"] });
  });

  it("reads a closing bio that names the outlet in the possessive", () => {
    expect(readClosingCredit("Ana Costa is the Harbour Post's ferries correspondent, based in Porto.")).toEqual({ authors: ["Ana Costa"], credits: [] });
  });
});
