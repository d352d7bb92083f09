// npm run generate (and so npm install): resolver types from the SDL, as codegen.ts configures
// them. Runs @graphql-codegen/core with its plugins directly rather than through
// @graphql-codegen/cli: the CLI's loaders (URLs, git, GitHub, code files) pulled in packages
// that want Node 22 and filled every install with EBADENGINE warnings, for a job that
// reads a few local .graphql files.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { codegen } from "@graphql-codegen/core";
import type { CodegenPlugin, Types } from "@graphql-codegen/plugin-helpers";
import * as typescript from "@graphql-codegen/typescript";
import * as typescriptResolvers from "@graphql-codegen/typescript-resolvers";
import { buildASTSchema, lexicographicSortSchema, parse, printSchema } from "graphql";
import config from "../codegen.js";

const root = join(import.meta.dirname, "..");
const pluginMap: Record<string, CodegenPlugin> = { typescript, "typescript-resolvers": typescriptResolvers };

// codegen.ts names the SDL as a folder and a `*.ext` pattern (Node 20 has no fs.globSync).
const schemaDir = join(root, dirname(config.schema));
const extension = basename(config.schema).replace(/^\*/, "");
const sdl = readdirSync(schemaDir)
  .filter((name) => name.endsWith(extension))
  .sort()
  .map((name) => readFileSync(join(schemaDir, name), "utf8"))
  .join("\n");
// Sorted, as the CLI sorts it: the generated file does not churn when SDL files are reordered.
const sorted = lexicographicSortSchema(buildASTSchema(parse(sdl)));
const document = parse(printSchema(sorted));

for (const [file, output] of Object.entries(config.generates) as [string, Types.ConfiguredOutput][]) {
  const plugins = (output.plugins ?? []) as string[];
  const text = await codegen({
    filename: file,
    schema: document,
    schemaAst: sorted,
    documents: [],
    config: output.config ?? {},
    plugins: plugins.map((name) => ({ [name]: {} })),
    pluginMap,
  });
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}
