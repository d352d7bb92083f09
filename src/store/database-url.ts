/** The SQLite file the archive lives in: DATABASE_URL, or data/archive.db beside the project. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL && env.DATABASE_URL.trim() !== "" ? env.DATABASE_URL : "file:./data/archive.db";
}

/** The file path inside a `file:` URL, as better-sqlite3 wants it. */
export function databasePath(url: string = databaseUrl()): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite file URL such as file:./data/archive.db, got "${url}"`);
  }
  return url.slice("file:".length).replace(/\?.*$/, "");
}
