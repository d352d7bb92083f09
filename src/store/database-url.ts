/** The SQLite file the archive lives in: DATABASE_URL, or data/archive.db beside the project. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL && env.DATABASE_URL.trim() !== "" ? env.DATABASE_URL : "file:./data/archive.db";
}

/** The file path inside a `file:` URL, as better-sqlite3 wants it. */
export function databasePath(url: string = databaseUrl()): string {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    // The PostgreSQL store is being built (issue 14): its dialect, search rendering and
    // migrations exist, the store itself does not yet. Refused outright, never half-served.
    throw new Error(`DATABASE_URL names a PostgreSQL server: PostgreSQL support is under way and not usable yet; use a SQLite file URL such as file:./data/archive.db`);
  }
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite file URL such as file:./data/archive.db, got "${url}"`);
  }
  return url.slice("file:".length).replace(/\?.*$/, "");
}
