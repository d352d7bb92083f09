// npm run explorer:paint -- [--url http://127.0.0.1:4000]: how soon each view of the explorer
// paints, on the archive a running server holds (start it with `npm start`, DATABASE_URL set
// to the archive to measure). Picks a known person, statement, story, outlet and topic from
// the archive itself (the most quoted person, their most widely carried remark, …), opens each
// view in a fresh tab of Debian's Chromium as a first visit, and prints what the browser's
// Performance API saw: first contentful paint, and when the view's heading (its data) showed.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
const { values } = parseArgs({ options: { url: { type: "string", default: "http://127.0.0.1:4000" }, runs: { type: "string", default: "3" }, help: { type: "boolean", short: "h" } } });
if (values.help) {
  console.log("usage: npm run explorer:paint -- [--url http://127.0.0.1:4000] [--runs 3]\n  Times the first paint of each explorer view against a running server.");
  process.exit(0);
}
const fail = (message: string): never => {
  console.error(`explorer:paint: ${message}`);
  process.exit(1);
};
if (!existsSync(CHROMIUM)) fail(`${CHROMIUM} is missing: apt-get install -y chromium`);
const base = values.url!.replace(/\/$/, "");
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a whole number above 0, got "${values.runs}"`);

async function ask(query: string): Promise<any> {
  const res = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) }).catch(() =>
    fail(`no server answers at ${base}: start one with npm start (PORT, DATABASE_URL)`),
  );
  const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors) fail(`the archive refused a question: ${body.errors[0].message}`);
  return body.data;
}

const found = await ask(`{
  countAll: articles(first: 0) { totalCount }
  people(first: 1, orderBy: MOST_QUOTED) { nodes { slug name quoteCount } }
  stories(first: 1) { nodes { id } }
  outlets { slug articleCount }
  topics { slug }
}`);
const person = found.people.nodes[0] ?? fail("the archive quotes nobody");
const statement = (await ask(`{ statements(first: 1, orderBy: MOST_OUTLETS, filter: { speakers: ["${person.slug}"] }) { nodes { id } } }`)).statements.nodes[0];
const outlet = [...found.outlets].sort((a, b) => b.articleCount - a.articleCount)[0];
const views: [string, string][] = [
  ["search", `/explore/search?q=${encodeURIComponent(person.name.split(" ").pop())}`],
  [`person (${person.quoteCount} quotes)`, `/explore/person/${person.slug}`],
  ...(statement ? [["statement", `/explore/statement/${encodeURIComponent(statement.id)}`] as [string, string]] : []),
  ...(found.stories.nodes[0] ? [["story", `/explore/story/${encodeURIComponent(found.stories.nodes[0].id)}`] as [string, string]] : []),
  [`outlet (${outlet.articleCount} articles)`, `/explore/outlet/${outlet.slug}`],
  ["topic", `/explore/topic/${found.topics[0].slug}`],
];

const profile = mkdtempSync(join(tmpdir(), "explorer-paint-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  headless: true,
  viewport: { width: 1280, height: 800 },
});
console.log(`${base}: ${found.countAll.totalCount.toLocaleString("en")} articles; ms after navigation start, median of ${runs} visits (each a new tab, cache kept as a returning analyst's)`);
try {
  for (const [name, path] of views) {
    const paints: number[] = [];
    const shown: number[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await context.newPage();
      await page.goto(`${base}${path}`);
      await page.locator("#page-title").waitFor({ timeout: 30_000 });
      const t = await page.evaluate(() => ({ fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN, now: performance.now() }));
      paints.push(t.fcp);
      shown.push(t.now);
      await page.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`  ${name.padEnd(28)} first contentful paint ${String(Math.round(median(paints))).padStart(5)}   data shown ${String(Math.round(median(shown))).padStart(5)}   ${path}`);
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
