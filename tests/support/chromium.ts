// Debian's Chromium driven by playwright-core, for the browser tests (IDE, explorer): never a
// downloaded browser. A profile folder of its own per launch, removed on close.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Whether Chromium is installed; warns, naming `what` is skipped and how to install it, when not. */
export function chromiumPresent(what: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  console.warn(`Skipping ${what}: ${CHROMIUM} is missing. Install it with \`apt-get install -y chromium\` (CI's .ci/run does).`);
  return false;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchChromium(viewport: { width: number; height: number }): Promise<Browser> {
  const profileDir = mkdtempSync(join(tmpdir(), "news-archive-chromium-"));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    // No network of its own beyond what the page asks: no updates, no sync, no QUIC probes.
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    headless: true,
    viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
