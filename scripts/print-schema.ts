// npm run schema:print   Writes schema.graphql (the API's SDL) at the repository root.
// tests/api/schema-file.test.ts fails while the committed file differs from the schema served.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { schemaText } from "../src/graphql/schema-text.js";

const file = join(import.meta.dirname, "..", "schema.graphql");
writeFileSync(file, schemaText());
console.log(`wrote ${file}`);
