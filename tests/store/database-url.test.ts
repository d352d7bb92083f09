import { describe, expect, it } from "vitest";
import { databasePath } from "../../src/store/database-url.js";

describe("DATABASE_URL", () => {
  it("names the SQLite file of a file: URL", () => {
    expect(databasePath("file:./data/archive.db?mode=rwc")).toBe("./data/archive.db");
  });

  it("refuses a PostgreSQL URL in one line saying that support is under way and not usable yet", () => {
    for (const url of ["postgresql://news@db.example:5432/archive", "postgres://localhost/archive"]) {
      expect(() => databasePath(url)).toThrow(/^DATABASE_URL names a PostgreSQL server: PostgreSQL support is under way and not usable yet; use a SQLite file URL/);
    }
  });

  it("refuses any other URL, showing the form it takes", () => {
    expect(() => databasePath("mysql://x/y")).toThrow(/must be a SQLite file URL such as file:\.\/data\/archive\.db, got "mysql:\/\/x\/y"/);
  });
});
