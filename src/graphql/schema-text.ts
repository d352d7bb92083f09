// The schema as SDL text, for codegen tools (graphql-codegen, rover, Relay's compiler) that
// read a file rather than run introspection: `schema.graphql` at the repository root and
// GET /schema.graphql both hold this text.
import { buildASTSchema, parse, printSchema } from "graphql";
import { typeDefs } from "./schema.js";

let printed: string | null = null;

/** The served schema printed in graphql-js's canonical form, descriptions included. */
export function schemaText(): string {
  // From the SDL the server runs; the test of this file also compares it with introspection.
  printed ??= `${printSchema(buildASTSchema(parse(typeDefs.join("\n"))))}\n`;
  return printed;
}
