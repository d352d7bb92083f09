// Our invented pages in the layouts of real outlets (tests/fixtures/page-junk): no
// manifest, so outlet and date come from the text; every kind of page junk must stay
// out of the body while the article's own sentences about photos, phones and dates stay.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/pipeline.js";
import { projectRoot } from "../support/run-script.js";

interface Expected {
  headline: string;
  outlet: string;
  publishedOn: string;
  junk: string[];
  article: string[];
}

const folder = join(projectRoot, "tests", "fixtures", "page-junk");
const expected: Record<string, Expected> = JSON.parse(readFileSync(join(folder, "expected.json"), "utf8"));

function extract(file: string) {
  const result = extractArticle({ file, bytes: readFileSync(join(folder, file)) });
  if (!result.ok) throw new Error(`${file}: ${result.message}`);
  return result.draft;
}

describe.each(Object.entries(expected))("the invented page %s", (file, want) => {
  const draft = extract(file);

  it("gives the title line as the headline", () => {
    expect(draft.headline).toBe(want.headline);
  });

  it("names the outlet and the date from the page itself", () => {
    expect({ outlet: draft.outlet, publishedOn: draft.publishedOn }).toEqual({ outlet: want.outlet, publishedOn: want.publishedOn });
  });

  it("keeps every kind of page junk out of the body", () => {
    expect(want.junk.filter((junk) => draft.body.includes(junk))).toEqual([]);
  });

  it("keeps the article's own sentences, even those that mention a photo, a phone or a date", () => {
    expect(want.article.filter((line) => !draft.body.includes(line))).toEqual([]);
  });
});
