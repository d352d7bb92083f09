import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../src/store/migrate.js";

// Migrating costs some tens of milliseconds and a template is the same for all, so it runs once: every test copies
// this migrated file instead.
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "news-archive-template-"));
  const templatePath = join(dir, "template.db");
  await migrateDatabase(`file:${templatePath}`);
  project.provide("templateDatabase", templatePath);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
