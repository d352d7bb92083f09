import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/extract/decode-text.js";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeText", () => {
  it("decodes UTF-8 and drops a byte-order mark", () => {
    const result = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Café “opens”")]), "a.txt");
    expect(result).toEqual({ ok: true, text: "Café “opens”", encoding: "utf-8" });
  });

  it("converts Windows-1252 text (curly quotes, accents) instead of failing", () => {
    const bytes = iconv.encode("The mayor of Nîmes said “the café stays open” — for now.", "windows-1252");
    const result = decodeText(bytes, "legacy.txt");
    expect(result.ok && result.text).toBe("The mayor of Nîmes said “the café stays open” — for now.");
  });

  it("converts Latin-1 text", () => {
    const bytes = iconv.encode("Señora Peña visited São Tomé.", "latin1");
    const result = decodeText(bytes, "latin1.txt");
    expect(result.ok && result.text).toBe("Señora Peña visited São Tomé.");
  });

  it("repairs UTF-8 that was already decoded once as Windows-1252", () => {
    const mangled = iconv.decode(Buffer.from(utf8("Ruiz’s café “reopened”")), "windows-1252");
    const result = decodeText(utf8(mangled), "mojibake.txt");
    expect(result.ok && result.text).toBe("Ruiz’s café “reopened”");
  });

  it("rejects an empty file with EMPTY_FILE", () => {
    expect(decodeText(new Uint8Array(), "empty.txt")).toMatchObject({ ok: false, code: "EMPTY_FILE" });
  });

  it("rejects a file of only whitespace with EMPTY_FILE", () => {
    const result = decodeText(utf8(" \n\t\n "), "blank.txt");
    expect(result).toMatchObject({ ok: false, code: "EMPTY_FILE" });
    expect(!result.ok && result.message).toContain("blank.txt");
  });

  it("rejects binary content with BINARY_FILE and says why", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const result = decodeText(png, "photo.txt");
    expect(result).toMatchObject({ ok: false, code: "BINARY_FILE" });
    expect(!result.ok && result.message).toMatch(/photo\.txt.*PNG/);
  });

  it("rejects text containing NUL bytes as binary", () => {
    expect(decodeText(new Uint8Array([0x41, 0x42, 0x00, 0x43]), "nul.txt")).toMatchObject({ ok: false, code: "BINARY_FILE" });
  });

  it("decodes UTF-16 with a byte-order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("Hello, Zürich", "utf-16le")]);
    expect(decodeText(bytes, "utf16.txt")).toMatchObject({ ok: true, text: "Hello, Zürich" });
  });
});
