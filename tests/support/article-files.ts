import { writeFileSync } from "node:fs";
import { join } from "node:path";

const OUTLETS = ["The Fjord Gazette", "Coastal Times", "Northwind Wire", "The Harbour Ledger", "Meridian Post"];
const GIVEN = ["Ola", "Kari", "Ingrid", "Tomas", "Leila", "Anton", "Maren", "Jonas", "Sigrid", "Elias", "Astrid", "Henrik"];
const FAMILY = ["Nordmann", "Lunde", "Halvorsen", "Berg", "Dahl", "Strand", "Moen", "Haugen", "Lie", "Vik", "Solberg", "Eide"];
const ROLES = ["the harbour master", "the fisheries minister", "the port director", "a union spokesperson", "the mayor"];
const SUBJECTS = ["dredging", "ferry timetables", "fishing quotas", "wind turbines", "harbour fees", "sea ice", "pipeline repairs", "grain exports"];
const REMARKS = [
  "the work will continue through the winter",
  "nobody asked the crews what they think",
  "the figures will be published next week",
  "we cannot wait for another report",
  "the budget is already spent",
  "this was decided years ago",
];

export interface GeneratedArticle {
  file: string;
  outlet: string;
  publishedOn: string;
  url: string;
}

/**
 * Writes `count` invented articles as text files with YAML front matter, each distinct
 * (headline, people and remarks vary with the index), each quoting two named people.
 */
export function writeArticleFiles(dir: string, count: number): GeneratedArticle[] {
  const written: GeneratedArticle[] = [];
  for (let i = 0; i < count; i++) {
    const speaker = `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 5) % FAMILY.length]}`;
    const other = `${GIVEN[(i + 5) % GIVEN.length]} ${FAMILY[(i * 7 + 3) % FAMILY.length]}`;
    const subject = SUBJECTS[i % SUBJECTS.length];
    const outlet = OUTLETS[i % OUTLETS.length];
    const publishedOn = `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
    const url = `https://${outlet.toLowerCase().replace(/\W+/g, "-")}.example/news/${i}`;
    const file = `${String(i).padStart(4, "0")}-${subject.replace(/ /g, "-")}.txt`;
    const text = [
      "---",
      `outlet: ${outlet}`,
      `publishedOn: ${publishedOn}`,
      `url: ${url}`,
      "---",
      `Row over ${subject} deepens in port town number ${i}`,
      "",
      `By Test Writer ${FAMILY[i % FAMILY.length]}`,
      "",
      `${speaker}, ${ROLES[i % ROLES.length]}, said on Tuesday that "${REMARKS[i % REMARKS.length]}," adding that talks on ${subject} would go on (report ${i}).`,
      "",
      `"${REMARKS[(i + 2) % REMARKS.length]}," ${other.split(" ")[1]} told reporters, after ${other}, ${ROLES[(i + 1) % ROLES.length]}, met residents.`,
      "",
      `The council will meet again in ${["spring", "summer", "autumn", "winter"][i % 4]} to discuss ${subject} and the budget for the ${i}th time.`,
      "",
    ].join("\n");
    writeFileSync(join(dir, file), text);
    written.push({ file, outlet, publishedOn, url });
  }
  return written;
}
