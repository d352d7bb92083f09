// What the archive answers where no route does: JSON, as every other answer of the API, not
// Express's HTML page. A known path asked with a method it does not take answers 405 with
// the methods it does take in `Allow` (RFC 9110 §15.5.6); anything else 404.
import type { RequestHandler } from "express";

// Every path the server answers, and its methods. HEAD goes wherever GET does (Express).
const ROUTES: Array<[path: RegExp, methods: string[]]> = [
  [/^\/$/, ["GET", "HEAD"]],
  [/^\/graphql$/, ["GET", "HEAD", "POST", "OPTIONS"]],
  [/^\/healthz$/, ["GET", "HEAD"]],
  [/^\/readyz$/, ["GET", "HEAD"]],
  [/^\/metrics$/, ["GET", "HEAD"]],
  [/^\/schema\.graphql$/, ["GET", "HEAD", "OPTIONS"]],
  [/^\/export\/(?:articles|quotes)\.ndjson$/, ["GET", "HEAD", "OPTIONS"]],
  [/^\/ide\/assets\/.+$/, ["GET", "HEAD"]],
];

const error = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

/** The last handler before the error handler: answers 405 or 404. */
export function unknownRoutes(): RequestHandler {
  return (req, res) => {
    const route = ROUTES.find(([path]) => path.test(req.path));
    if (route && !route[1].includes(req.method)) {
      res
        .status(405)
        .set("allow", route[1].join(", "))
        .json(error(`${req.method} is not allowed on ${req.path}; use ${route[1].join(", ")}.`, "METHOD_NOT_ALLOWED"));
      return;
    }
    res.status(404).json(error(`Nothing is at ${req.path}. The API is at /graphql, bulk exports under /export, the schema at /schema.graphql.`, "NOT_FOUND"));
  };
}
