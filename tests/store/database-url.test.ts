import { describe, expect, it } from "vitest";
import { databasePath, databaseReadUrls, isPostgresUrl, redactPassword } from "../../src/store/database-url.js";
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

  it("reads DATABASE_READ_URLS as comma-separated PostgreSQL replicas of a PostgreSQL DATABASE_URL", () => {
    const DATABASE_URL = "postgresql://news@primary/archive";
    expect(databaseReadUrls({ DATABASE_URL })).toEqual([]);
    expect(databaseReadUrls({ DATABASE_URL, DATABASE_READ_URLS: "postgresql://news@r1/archive, postgres://news@r2/archive" })).toEqual(["postgresql://news@r1/archive", "postgres://news@r2/archive"]);
  });

  it("refuses DATABASE_READ_URLS naming what is wrong, and never a password", () => {
    const DATABASE_URL = "postgresql://news@primary/archive";
    expect(() => databaseReadUrls({ DATABASE_URL, DATABASE_READ_URLS: "postgresql://news@r1/archive,file:./r2.db" })).toThrow(/^DATABASE_READ_URLS entry 2 must be a PostgreSQL URL .*got "file:\.\/r2\.db"/);
    expect(() => databaseReadUrls({ DATABASE_URL, DATABASE_READ_URLS: "postgresql://news:s3cret@r1/a,mysql://u:s3cret@r2/a" })).toThrow(/entry 2 .*got "mysql:\/\/u:\*\*\*@r2\/a"/);
    expect(() => databaseReadUrls({ DATABASE_URL, DATABASE_READ_URLS: "postgresql://news:s3cret@r1/a,," })).toThrow(/entry 2 must be a PostgreSQL URL/);
    expect(() => databaseReadUrls({ DATABASE_URL, DATABASE_READ_URLS: "postgresql://r1/a,postgresql://r1/a" })).toThrow(/names the same replica twice/);
    expect(() => databaseReadUrls({ DATABASE_READ_URLS: "postgresql://r1/a" })).toThrow(/DATABASE_URL \(file:\.\/data\/archive\.db\) is not a PostgreSQL database/);
  });
});
