// The analysts' explorer: who said what, where and when, as pages of a single-page app
// bundled by scripts/build-explorer.ts into dist/explorer/ and served under /explore. It
// reads only the public /graphql, with persisted queries (see known-operations.ts).
import { Router, type RequestHandler } from "express";
import { join } from "node:path";
import { EXPLORER_BUILD_DIR, readExplorerManifest } from "./explorer-manifest.js";
import { hashedAssets } from "./hashed-assets.js";
import { renderExplorerPage } from "./explorer-page.js";

const ENDPOINT = "/graphql";
/** URL path of the explorer's views; its hashed files are under /explore/assets/. */
export const EXPLORER_PATH = "/explore";

// The page may talk to this origin only. Observable Plot writes style attributes into its SVG.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Query text by sha256 of every operation the built explorer sends: the server knows them from the start. */
export function explorerOperations(buildDir = EXPLORER_BUILD_DIR): Map<string, string> {
  const manifest = readExplorerManifest(buildDir);
  return new Map(Object.values(manifest?.operations ?? {}).map((o) => [o.sha256, o.query]));
}

/** Routes for the explorer: its files under /explore/assets/, and the page for every other path under /explore. */
export function explorerRouter(options: { buildDir?: string } = {}): Router {
  const buildDir = options.buildDir ?? EXPLORER_BUILD_DIR;
  const url = (path: string) => `${EXPLORER_PATH}/${path}`;

  const sendPage: RequestHandler = (_req, res) => {
    // Read on every page request, as the IDE's: a rebuild changes the hashed names.
    const manifest = readExplorerManifest(buildDir);
    res.set({ "cache-control": "no-cache", "x-content-type-options": "nosniff" });
    if (!manifest) {
      res.status(503).type("text/plain").send("The explorer is not built. Run `npm run build:explorer` (npm install runs it), then reload.\n");
      return;
    }
    const operations = Object.fromEntries(Object.entries(manifest.operations).map(([name, o]) => [name, o.sha256]));
    res.set("content-security-policy", CONTENT_SECURITY_POLICY);
    res.type("html").send(renderExplorerPage({ script: url(manifest.script), stylesheet: url(manifest.stylesheet), preload: manifest.preload.map(url), config: { endpoint: ENDPOINT, base: EXPLORER_PATH, operations } }));
  };

  const router = Router();
  router.use(`${EXPLORER_PATH}/assets`, ...hashedAssets(join(buildDir, "assets"), "explorer"));
  // Each view has its own URL (/explore/person/yury-pelevanov): the page routes in the browser.
  router.get([EXPLORER_PATH, `${EXPLORER_PATH}/*rest`], sendPage);
  return router;
}
