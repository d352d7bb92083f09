import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiFixture, type ApiFixture } from "../support/api-fixture.js";
import { SMALL_ARCHIVE } from "../support/article-drafts.js";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture(SMALL_ARCHIVE);
});
afterAll(() => api?.close());

describe("GET /readyz", () => {
  it("answers ready once the archive has every migration and answers a read", async () => {
    const res = await fetch(`${api.server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", articles: SMALL_ARCHIVE.length });
  });

  it("answers 503 naming what is missing when the archive lacks a migration, while /healthz still answers", async () => {
    const db = new Database(api.archive.path);
    const [last] = db.prepare(`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`).all() as { migration_name: string }[];
    db.prepare(`UPDATE _prisma_migrations SET rolled_back_at = finished_at WHERE migration_name = ?`).run(last.migration_name);
    try {
      const res = await fetch(`${api.server.url}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { status: string; reason: string };
      expect(body.status).toBe("not ready");
      expect(body.reason).toContain(last.migration_name);
      expect((await fetch(`${api.server.url}/healthz`)).status).toBe(200);
    } finally {
      db.prepare(`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ?`).run(last.migration_name);
      db.close();
    }
  });
});
