// The analysts' IDE in a real browser: Debian's Chromium driven by playwright-core, against a
// real server over the bundled sample corpus. Screenshots go to test-output/ide/.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readIdeManifest } from "../../src/server/ide-manifest.js";
import { OUTLET_ARTICLES_IN_PERIOD } from "../../src/server/ide-examples.js";
import { chromiumPresent, launchChromium, type Browser } from "../support/chromium.js";
import { startSampleServer, type SampleServer } from "../support/sample-server.js";

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "test-output", "ide");
// The newest of Meridian Post's articles of 2025 (data/sample/15-…), first in the example's result.
const EXPECTED_HEADLINE = "E.U. sanctions Russian Arctic official who said sanctions could not stop his ships";

const hasChromium = chromiumPresent("the IDE browser tests");

/** The text of a Monaco editor inside `container`, with its non-breaking spaces and wrapped lines made plain. */
async function editorText(page: Page, container: string): Promise<string> {
  const text = await page.locator(`${container} .view-lines`).first().textContent();
  return (text ?? "").replace(/\s+/g, " ");
}

/** Replaces the operation editor's text, as pasting would (typing would trigger Monaco's auto-closing brackets). */
async function replaceQuery(page: Page, query: string) {
  await page.locator(".graphiql-query-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(query);
}

const runQuery = (page: Page) => page.getByRole("button", { name: /^Execute query/ }).click();

describe.skipIf(!hasChromium)("the IDE in Chromium", { timeout: 60_000 }, () => {
  let sample: SampleServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const finished: Request[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const manifest = readIdeManifest();
    if (!manifest) throw new Error("The IDE is not built: run `npm run build:ide` (npm install runs it) before these tests.");
    sample = await startSampleServer();
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium({ width: 1440, height: 900 });
    ({ context, page } = browser);
    context.on("request", (request) => requests.push(request.url()));
    context.on("requestfinished", (request) => finished.push(request));
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`console: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await sample?.close();
  });

  it("becomes usable on a first visit, with the example queries open as tabs", async () => {
    const started = performance.now();
    const introspected = page.waitForResponse((r) => r.url().endsWith("/graphql") && (r.request().postData() ?? "").includes("__schema"));
    await page.goto(`${sample.server.url}/graphql`);
    await page.locator(".graphiql-query-editor .view-lines").waitFor();
    expect((await introspected).status()).toBe(200);
    await expect.poll(() => editorText(page, ".graphiql-query-editor")).toContain("query OutletArticlesInPeriod");
    const usableAfter = performance.now() - started;

    await expect.poll(() => editorText(page, ".graphiql-editor-tool")).toContain('"outlet": "Meridian Post"');
    const tabs = await page.locator(".graphiql-tab").allTextContents();
    expect(tabs.join(" ")).toContain("EverythingAPersonSaid");

    const manifest = readIdeManifest()!;
    const sizes = await Promise.all(finished.map(async (r) => (await r.sizes()).responseBodySize));
    const downloaded = sizes.reduce((a, b) => a + b, 0);
    console.log(
      `IDE bundle: ${(manifest.bytes / 1024 / 1024).toFixed(1)} MB on disk (dist/ide); first visit downloaded ` +
        `${(downloaded / 1024 / 1024).toFixed(1)} MB in ${finished.length} requests; usable ${Math.round(usableAfter)} ms after navigation started`,
    );
  });

  it("opens an example from the sidebar in one click, runs it, and shows its headline in the result pane", async () => {
    await page.getByRole("button", { name: "Show Example queries" }).click();
    await page.locator(`button[data-example="${OUTLET_ARTICLES_IN_PERIOD.id}"]`).click();
    await expect.poll(() => editorText(page, ".graphiql-query-editor")).toContain("query OutletArticlesInPeriod");
    await runQuery(page);
    await expect.poll(() => editorText(page, ".graphiql-response"), { timeout: 15_000 }).toContain(EXPECTED_HEADLINE);
    expect(await editorText(page, ".graphiql-response")).toContain('"totalCount": 3');
    await page.screenshot({ path: join(SCREENSHOTS, "result.png") });
  });

  it("shows the schema's descriptions in the docs pane", async () => {
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    await page.locator(".graphiql-doc-explorer a.graphiql-doc-explorer-type-name", { hasText: /^Query$/ }).first().click();
    const docs = page.locator(".graphiql-doc-explorer");
    await expect.poll(() => docs.textContent()).toContain("Articles matching a filter, newest first");
    expect(await docs.textContent()).toContain("The archive: news articles");
    await page.screenshot({ path: join(SCREENSHOTS, "docs.png") });
  });

  it("shows a bad argument's BAD_USER_INPUT message in the result pane, with no stack trace", async () => {
    await page.getByRole("button", { name: "New tab" }).click();
    await replaceQuery(page, "query TooLongAPage { articles(first: 500) { totalCount } }");
    await page.getByRole("button", { name: /^Prettify query/ }).click();
    await expect.poll(() => page.locator(".graphiql-query-editor .view-line").count()).toBeGreaterThan(3);
    // The tab takes the operation's name once GraphiQL has read the edit (it waits 100 ms
    // for typing to pause); run before that and it would send the previous tab's name.
    await expect.poll(() => page.locator(".graphiql-tab-active").textContent()).toContain("TooLongAPage");
    await runQuery(page);
    await expect.poll(() => editorText(page, ".graphiql-response"), { timeout: 15_000 }).toContain("BAD_USER_INPUT");
    const result = await editorText(page, ".graphiql-response");
    expect(result).toContain("`first` must be between 0 and 100, got 500.");
    expect(result).not.toMatch(/stacktrace|\bat \S+ \(|\.ts:\d+/);
    await page.screenshot({ path: join(SCREENSHOTS, "bad-input.png") });
  });

  it("keeps the query history, the tabs and their variables in local storage across a reload", async () => {
    const stored = () => page.evaluate(() => ({ ...localStorage }) as Record<string, string>);
    // GraphiQL saves history and tabs a moment after the change, not at once.
    await expect.poll(async () => (await stored())["graphiql:queries"]).toContain("OutletArticlesInPeriod");
    // Reloading before the saved tabs catch up with the editor would restore the edit as an extra tab.
    const tabsSaved = () =>
      page.evaluate(() => {
        const state = JSON.parse(localStorage.getItem("graphiql:tabState") ?? "null");
        const query = localStorage.getItem("graphiql:query");
        return Boolean(query?.includes("TooLongAPage")) && state?.tabs[state.activeTabIndex]?.query === query;
      });
    await expect.poll(tabsSaved).toBe(true);
    const tabsBefore = await page.locator(".graphiql-tab").count();

    await page.reload();
    await page.locator(".graphiql-query-editor .view-lines").waitFor();
    await expect.poll(() => editorText(page, ".graphiql-query-editor")).toContain("query TooLongAPage");
    expect(await page.locator(".graphiql-tab").count()).toBe(tabsBefore);

    await page.locator(".graphiql-tab", { hasText: "OutletArticlesInPeriod" }).last().locator("button").first().click();
    await expect.poll(() => editorText(page, ".graphiql-editor-tool")).toContain('"outlet": "Meridian Post"');

    await page.getByRole("button", { name: "Show History" }).click();
    await expect.poll(() => page.locator(".graphiql-history").textContent()).toContain("OutletArticlesInPeriod");
  });

  it("made no request to any host but the archive's, and the page broke no rule of its security policy", () => {
    const network = requests.filter((url) => !/^(data|blob):/.test(url));
    expect(network.length).toBeGreaterThan(0);
    expect(network.filter((url) => new URL(url).hostname !== "127.0.0.1")).toEqual([]);
    expect(problems).toEqual([]);
  });
});
