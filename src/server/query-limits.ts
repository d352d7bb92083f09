// Limits every GraphQL document must keep before anything runs. Each refusal is
// BAD_USER_INPUT with HTTP 400, says what was measured and what the limit is, and is never
// persisted as an APQ (Apollo writes its APQ cache only after didResolveOperation succeeds).
//
// Tokens are counted on the raw text by an HTTP middleware, before Apollo parses and
// validates (which cost time in proportion to them): an error thrown from Apollo's
// didResolveSource hook would reach the client as a masked 500. Aliases, depth and cost
// are measured by a plugin once the operation and its variables are known.
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import { GraphQLError, Lexer, Source, TokenKind } from "graphql";
import { countAliases, measureOperation } from "./query-cost.js";
import { requestRecordOf } from "./request-log.js";

export const QUERY_LIMITS = {
  /** Nodes a query could return at most (page sizes multiplied through nested lists). */
  cost: 50_000,
  /** Levels of nested fields, root fields at 1; introspection fields are exempt. */
  depth: 12,
  /** Aliased fields in one document. */
  aliases: 30,
  /** Lexical tokens in one document (names, punctuation, values). */
  tokens: 5_000,
} as const;

export type QueryLimit = keyof typeof QUERY_LIMITS;

const fmt = (n: number) => n.toLocaleString("en-US");

/**
 * A document goes over one of QUERY_LIMITS. Produces `extensions.code = "BAD_USER_INPUT"`,
 * `extensions.limit` naming the limit, `extensions.measured` and `extensions.maximum`;
 * answered with HTTP 400.
 */
export function queryLimitExceeded(limit: QueryLimit, measured: number, advice: string): GraphQLError {
  const what = {
    cost: `This query could return up to ${fmt(measured)} nodes; the limit is ${fmt(QUERY_LIMITS.cost)}.`,
    depth: `This query nests fields ${measured} levels deep; the limit is ${QUERY_LIMITS.depth}.`,
    aliases: `This document has ${measured} aliases; the limit is ${QUERY_LIMITS.aliases}.`,
    tokens: `This document has ${fmt(measured)} tokens; the limit is ${fmt(QUERY_LIMITS.tokens)}.`,
  }[limit];
  return new GraphQLError(`${what} ${advice}`, {
    extensions: { code: "BAD_USER_INPUT", limit, measured, maximum: QUERY_LIMITS[limit], http: { status: 400 } },
  });
}

/** Lexical tokens in `text`, as graphql-js's parser counts them for its own maxTokens. */
export function countTokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  } catch (error) {
    // A lexical error: the parser reports it, with its position, right after this check.
    if (!(error instanceof GraphQLError)) throw error;
  }
  return tokens;
}

/**
 * Refuses a request whose `query` (JSON body or GET parameter) has more tokens than the
 * limit, answering as Apollo answers a request error. Mount after the body parser.
 */
export function tokenLimit(): RequestHandler {
  return (req, res, next) => {
    const query = req.method === "GET" ? req.query?.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== "string") return next();
    const tokens = countTokens(query);
    if (tokens <= QUERY_LIMITS.tokens) return next();
    const { message, extensions } = queryLimitExceeded("tokens", tokens, "Send a shorter document: fewer fields, and values as variables.");
    const { http: _http, ...shown } = extensions;
    const type = req.accepts(["application/graphql-response+json", "application/json"]) || "application/json";
    res.status(400).type(type).send(JSON.stringify({ errors: [{ message, extensions: shown }] }));
  };
}

/**
 * What every response tells its client in `extensions.cost`, as Shopify and GitHub report
 * theirs: the measures of the document and the limits they are held to, so a client can size
 * its pages before it is refused.
 */
export interface CostReport {
  nodes: number;
  nodeLimit: number;
  depth: number;
  depthLimit: number;
  aliases: number;
  aliasLimit: number;
}

export const queryLimitsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    let report: CostReport | null = null;
    return {
      async willSendResponse({ response }) {
        if (!report || response.body.kind !== "single") return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, cost: report };
      },
      async didResolveOperation({ schema, document, operation, request, contextValue }) {
        const aliases = countAliases(document);
        const measured = operation ? measureOperation(schema, document, operation, request.variables) : { cost: 0, depth: 0 };
        report = {
          nodes: measured.cost,
          nodeLimit: QUERY_LIMITS.cost,
          depth: measured.depth,
          depthLimit: QUERY_LIMITS.depth,
          aliases,
          aliasLimit: QUERY_LIMITS.aliases,
        };
        if (aliases > QUERY_LIMITS.aliases) {
          throw queryLimitExceeded("aliases", aliases, "Ask for fewer fields under other names, or split the document into several requests.");
        }
        if (!operation) return;
        const { cost, depth } = measured;
        const record = requestRecordOf(contextValue);
        if (record) record.cost = cost;
        if (depth > QUERY_LIMITS.depth) {
          throw queryLimitExceeded("depth", depth, "Nest fewer connections in one query; fetch deeper objects by `id` with `node(id:)`.");
        }
        if (cost > QUERY_LIMITS.cost) {
          throw queryLimitExceeded("cost", cost, "Ask for smaller pages (`first`/`last`, default 20) or fewer nested lists, and page through with cursors.");
        }
      },
    };
  },
};
