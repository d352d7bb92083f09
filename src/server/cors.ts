// Cross-origin reads are allowed from any origin, for GET and POST. The archive is public,
// read-only data, and the API has no cookies or other credentials a foreign page could
// borrow: `*` without Access-Control-Allow-Credentials lets a page elsewhere read what it
// could fetch from its own server anyway. Apollo's CSRF prevention stays on beside it: a
// request a browser sends without a preflight (a GET, or a form's POST) must carry
// `apollo-require-preflight` or `x-apollo-operation-name`, or a JSON content type.
import corsMiddleware from "cors";
import type { RequestHandler } from "express";

const ALLOWED_HEADERS = ["content-type", "accept", "apollo-require-preflight", "x-apollo-operation-name"];

/** CORS headers for `methods` (the `cors` package); preflight OPTIONS requests answered with 204, cached 10 minutes. */
export function cors(methods: string[]): RequestHandler {
  return corsMiddleware({
    origin: "*",
    // A string is sent as it is; the package would join an array with bare commas.
    methods: [...methods, "OPTIONS"].join(", "),
    allowedHeaders: ALLOWED_HEADERS,
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
}
