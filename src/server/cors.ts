// Cross-origin reads are allowed from any origin, for GET and POST. The archive is public,
// read-only data, and the API has no cookies or other credentials a foreign page could
// borrow: `*` without Access-Control-Allow-Credentials lets a page elsewhere read what it
// could fetch from its own server anyway. Apollo's CSRF prevention stays on beside it: a
// request a browser sends without a preflight (a GET, or a form's POST) must carry
// `apollo-require-preflight` or `x-apollo-operation-name`, or a JSON content type.
import type { RequestHandler } from "express";

const ALLOWED_HEADERS = ["content-type", "accept", "apollo-require-preflight", "x-apollo-operation-name"];

/** CORS headers for `methods`; answers preflight OPTIONS requests itself with 204. */
export function cors(methods: string[]): RequestHandler {
  const allow = [...methods, "OPTIONS"].join(", ");
  return (req, res, next) => {
    res.setHeader("access-control-allow-origin", "*");
    if (req.method !== "OPTIONS") return next();
    res.setHeader("access-control-allow-methods", allow);
    res.setHeader("access-control-allow-headers", ALLOWED_HEADERS.join(", "));
    res.setHeader("access-control-max-age", "600");
    res.status(204).end();
  };
}
