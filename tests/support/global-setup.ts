import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../src/store/migrate.js";
import { migrateStore } from "../../src/store/open-store.js";
import { POSTGRES_TEMPLATE, postgresUnavailable, startPostgresServer } from "./postgres-server.js";

// Migrating costs some tens of milliseconds and a template is the same for all, so it runs once: every test copies
// this migrated file instead.
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "news-archive-template-"));
  const templatePath = join(dir, "template.db");
  await migrateDatabase(`file:${templatePath}`);
  project.provide("templateDatabase", templatePath);
  // One PostgreSQL server for the whole run, with a migrated template to clone archives from:
  // an initdb and a start per test file cost seconds each. Without PostgreSQL installed its
  // tests skip saying why (postgresUnavailable throws instead under REQUIRE_POSTGRES=1).
  const postgres = postgresUnavailable() ? null : await startPostgresServer(POSTGRES_TEMPLATE);
  if (postgres) await migrateStore(postgres.url);
  project.provide("postgresPort", postgres?.port ?? 0);
  return () => {
    postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
    /** The run's PostgreSQL server (0: none, PostgreSQL is not installed). */
    postgresPort: number;
  }
}
