import { describe, expect, it } from "vitest";
import { databasePath, isPostgresUrl, redactPassword } from "../../src/store/database-url.js";
import { migrateStore, openStore } from "../../src/store/open-store.js";

describe("DATABASE_URL", () => {
  it("names the SQLite file of a file: URL", () => {
    expect(databasePath("file:./data/archive.db?mode=rwc")).toBe("./data/archive.db");
  });

  it("takes postgresql:// and postgres:// URLs for the PostgreSQL store", () => {
    expect(isPostgresUrl("postgresql://news@db.example:5432/archive")).toBe(true);
    expect(isPostgresUrl("postgres://localhost/archive")).toBe(true);
    expect(isPostgresUrl("file:./data/archive.db")).toBe(false);
  });

  it("refuses any other URL, showing the forms it takes and never a password", () => {
    expect(() => databasePath("mysql://x/y")).toThrow(/must be a SQLite file URL such as file:\.\/data\/archive\.db, or a PostgreSQL URL such as postgresql:\/\/.*; got "mysql:\/\/x\/y"/);
    expect(redactPassword("postgresql://news:s3cret@db.example/archive")).toBe("postgresql://news:***@db.example/archive");
  });

  it("says in one line naming the variable when its PostgreSQL server cannot be reached", async () => {
    // Port 1 on loopback: nothing listens there.
    const url = "postgresql://news:s3cret@127.0.0.1:1/archive";
    for (const attempt of [() => openStore(url), () => migrateStore(url)]) {
      const error = await attempt().then(() => null, (e: Error) => e);
      expect(error?.message).toMatch(/^DATABASE_URL postgresql:\/\/news:\*\*\*@127\.0\.0\.1:1\/archive cannot be reached: .*ECONNREFUSED/);
      expect(error?.message).not.toContain("\n");
      expect(error?.message).not.toContain("s3cret");
    }
  });
});
