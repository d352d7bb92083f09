// One structured line per HTTP request, written with pino-http to stdout: method, path, status,
// duration, and for GraphQL the operation name, its measured cost and the error codes sent.
// Never the query text, variables, query string or any response data: those may hold
// article text or whatever a client typed. LOG_LEVEL=silent turns it off.
import type { ApolloServerPlugin } from "@apollo/server";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, RequestHandler, Response } from "express";
import { pino, type Logger } from "pino";
import { pinoHttp } from "pino-http";

/** What the handlers of one request learn that its log line reports. */
export interface RequestRecord {
  operationName?: string | null;
  /** Nodes the operation could return, as the query limits measured it. */
  cost?: number;
  /** Rows written by an export. */
  exported?: number;
  errorCodes: string[];
}

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** The server's logger: JSON lines on stdout at LOG_LEVEL (default info). */
export function createLogger(env: NodeJS.ProcessEnv = process.env): Logger {
  const level = env.LOG_LEVEL?.trim() || "info";
  if (!LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(", ")}; got "${env.LOG_LEVEL}"`);
  return pino({ level, base: null, timestamp: pino.stdTimeFunctions.isoTime });
}

export function requestRecordOfResponse(res: Response): RequestRecord | undefined {
  return res.locals.requestRecord as RequestRecord | undefined;
}

// Apollo's plugins see the GraphQL context, not the HTTP response: the record rides on the
// context under a symbol. Not in a WeakMap keyed by the context: Apollo hands plugins a
// shallow copy of it (which copies enumerable symbol-keyed properties).
const REQUEST_RECORD = Symbol("requestRecord");

export function linkRequestRecord(context: object, res: Response): void {
  const record = requestRecordOfResponse(res);
  if (record) (context as Record<symbol, unknown>)[REQUEST_RECORD] = record;
}

export function requestRecordOf(context: object): RequestRecord | undefined {
  return (context as Record<symbol, RequestRecord | undefined>)[REQUEST_RECORD];
}

// An error answered before Apollo's plugins run (a CSRF refusal, a body too large, a
// document over the token limit) is known only from the body sent: read its codes then.
function errorCodesOfBody(body: unknown): string[] {
  const text = typeof body === "string" ? body : Buffer.isBuffer(body) ? body.toString("utf8") : null;
  if (!text || text.length > 65_536) return [];
  try {
    const parsed = JSON.parse(text) as { errors?: { extensions?: { code?: unknown } }[] };
    return (parsed.errors ?? []).map((e) => e.extensions?.code).filter((c): c is string => typeof c === "string");
  } catch {
    return []; // not JSON (a plain-text error page): there are no codes to report
  }
}

// Everything a log line says about a request comes from the client, and a client may send a
// 90,000-character operation name: every string is cut to a bound, saying how long it was.
export const MAX_LOGGED_STRING = 200;
const MAX_LOGGED_CODES = 10;

/** `text` as logged: at most MAX_LOGGED_STRING characters, with the length it had when cut. */
export function loggedString(text: string): string;
export function loggedString(text: string | null | undefined): string | undefined;
export function loggedString(text: string | null | undefined): string | undefined {
  if (text == null) return undefined;
  return text.length <= MAX_LOGGED_STRING ? text : `${text.slice(0, MAX_LOGGED_STRING)}… (${text.length} characters)`;
}

/** What a finished request was, for whatever else counts requests (server/metrics.ts). */
export interface FinishedRequest {
  method: string;
  path: string;
  status: number;
  seconds: number;
  record: RequestRecord;
}

// pino-http would log the whole request (its URL with the query string, its headers) and
// response: both are left out, the line carries only the fields below.
const OMITTED = () => undefined;

/**
 * Express middleware writing the log line of every request once its response is done
 * (pino-http), and handing the same facts to `onFinished`.
 */
export function requestLog(logger: Logger, onFinished?: (request: FinishedRequest) => void): RequestHandler[] {
  // The record of what the handlers learn, and the request's start on the monotonic clock:
  // pino-http's own responseTime is whole milliseconds of Date.now, too coarse for requests
  // that mostly take under one.
  const track: RequestHandler = (req, res, next) => {
    const started = performance.now();
    const record: RequestRecord = { errorCodes: [] };
    res.locals.requestRecord = record;
    res.locals.requestStarted = started;

    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      if (res.statusCode >= 400 && record.errorCodes.length === 0) record.errorCodes = errorCodesOfBody(args[0]);
      return end(...args);
    }) as Response["end"];

    if (onFinished) {
      res.once("close", () => onFinished({ method: req.method, path: req.originalUrl.split("?")[0], status: res.statusCode, seconds: (performance.now() - started) / 1000, record }));
    }
    next();
  };

  const line = (req: IncomingMessage, res: ServerResponse) => {
    const { requestRecord: record, requestStarted: started } = (res as Response).locals as { requestRecord: RequestRecord; requestStarted: number };
    const path = (req as Request).originalUrl.split("?")[0];
    return {
      method: loggedString(req.method),
      path: loggedString(path),
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      operationName: loggedString(record.operationName),
      cost: record.cost,
      exported: record.exported,
      errorCodes: record.errorCodes.length ? record.errorCodes.slice(0, MAX_LOGGED_CODES).map((c) => loggedString(c)) : undefined,
      // The client went away before the whole response was sent.
      aborted: res.writableFinished ? undefined : true,
    };
  };
  const log = pinoHttp({
    logger,
    serializers: { req: OMITTED, res: OMITTED },
    // Every request is an info line: a 5xx says so in `status`, and its error was reported where it happened.
    customSuccessObject: line,
    customErrorObject: line,
    customSuccessMessage: () => "request",
    customErrorMessage: () => "request",
  });
  return [track, log];
}

/** Records each GraphQL request's operation name and the codes of the errors it answered with. */
export const requestLogPlugin: ApolloServerPlugin = {
  async requestDidStart({ contextValue, request }) {
    const record = requestRecordOf(contextValue);
    if (!record) return;
    record.operationName = request.operationName ?? null;
    return {
      async didResolveOperation({ operationName }) {
        record.operationName = operationName;
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== "single") return;
        const codes = (response.body.singleResult.errors ?? []).map((e) => e.extensions?.code);
        record.errorCodes = codes.filter((c): c is string => typeof c === "string");
      },
    };
  },
};
