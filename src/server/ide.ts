// The analysts' IDE: GraphiQL, bundled by scripts/build-ide.ts into dist/ide/, served at /
// and at /graphql for browsers. API clients asking /graphql for JSON pass through to Apollo.
import { Router, type Request, type RequestHandler } from "express";
import { buildSchema } from "graphql";
import { join } from "node:path";
import { typeDefs } from "../graphql/schema.js";
import { operationNameOf, servedExamples } from "./ide-examples.js";
import { hashedAssets } from "./hashed-assets.js";
import { IDE_BUILD_DIR, readIdeManifest } from "./ide-manifest.js";
import { renderIdePage } from "./ide-page.js";

const ENDPOINT = "/graphql";
/** URL path of dist/ide/ (its hashed files are under /ide/assets/). */
const IDE_PATH = "/ide";

// The page may talk to this origin only. The script and workers are our files; styles need
// 'unsafe-inline' because Monaco and React set style attributes; fonts are data: URLs
// inside GraphiQL's stylesheet.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** True when the client would rather have a page than a GraphQL response (a browser's address bar). */
function wantsHtml(req: Request): boolean {
  return req.accepts(["application/graphql-response+json", "application/json", "text/html"]) === "text/html";
}

/**
 * Routes for the IDE: the page at `/` and at `/graphql` for browsers, and the bundle's
 * files under /ide/assets/. Mount before the GraphQL middleware; every other request to
 * /graphql passes through.
 */
export function ideRouter(options: { buildDir?: string } = {}): Router {
  const buildDir = options.buildDir ?? IDE_BUILD_DIR;
  const examples = servedExamples(buildSchema(typeDefs.join("\n"))).map((e) => ({ ...e, operationName: operationNameOf(e) }));
  const url = (path: string) => `${IDE_PATH}/${path}`;

  const sendPage: RequestHandler = (_req, res) => {
    // Read on every page request (a small file, and pages are rare): a rebuild while the
    // server runs, `npm run build:ide`, changes the hashed names.
    const manifest = readIdeManifest(buildDir);
    res.set({ "cache-control": "no-cache", "x-content-type-options": "nosniff" });
    if (!manifest) {
      res.status(503).type("text/plain").send("The GraphQL IDE is not built. Run `npm run build:ide` (npm install runs it), then reload.\n");
      return;
    }
    const { script, stylesheet, workers } = manifest;
    const config = { endpoint: ENDPOINT, workers: { editor: url(workers.editor), json: url(workers.json), graphql: url(workers.graphql) }, examples };
    res.set("content-security-policy", CONTENT_SECURITY_POLICY);
    res.type("html").send(renderIdePage({ script: url(script), stylesheet: url(stylesheet), config }));
  };

  const router = Router();
  router.get("/", sendPage);
  router.get(ENDPOINT, (req, res, next) => (wantsHtml(req) ? sendPage(req, res, next) : next()));
  router.use(`${IDE_PATH}/assets`, ...hashedAssets(join(buildDir, "assets"), "IDE"));
  return router;
}
