// DATABASE_URL names the archive: a SQLite file (`file:…`, the default) or a PostgreSQL
// database (`postgresql://…`), which picks the store (store/open-store.ts).

/** DATABASE_URL, or data/archive.db beside the project. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL && env.DATABASE_URL.trim() !== "" ? env.DATABASE_URL : "file:./data/archive.db";
}

/** Whether `url` names a PostgreSQL database. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The file path inside a `file:` URL, as better-sqlite3 wants it. */
export function databasePath(url: string = databaseUrl()): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite file URL such as file:./data/archive.db, or a PostgreSQL URL such as postgresql://user@host:5432/news_archive; got "${redactPassword(url)}"`);
  }
  return url.slice("file:".length).replace(/\?.*$/, "");
}

/** `url` with any password replaced, fit for an error message or a log line. */
export function redactPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, "$1***@");
}

/**
 * DATABASE_READ_URLS: the read replicas of the PostgreSQL archive DATABASE_URL names, comma
 * separated; empty when unset. Each must be a PostgreSQL URL, and the archive one too: a
 * SQLite file has no replicas.
 */
export function databaseReadUrls(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env.DATABASE_READ_URLS?.trim();
  if (!raw) return [];
  const urls = raw.split(",").map((u) => u.trim());
  urls.forEach((url, i) => {
    if (!isPostgresUrl(url)) {
      throw new Error(`DATABASE_READ_URLS entry ${i + 1} must be a PostgreSQL URL such as postgresql://user@replica1:5432/news_archive, got "${redactPassword(url)}" (entries are separated by commas)`);
    }
  });
  if (new Set(urls).size !== urls.length) throw new Error("DATABASE_READ_URLS names the same replica twice: list each once (round robin already spreads requests evenly)");
  if (!isPostgresUrl(databaseUrl(env))) {
    throw new Error(`DATABASE_READ_URLS is set, but DATABASE_URL (${redactPassword(databaseUrl(env))}) is not a PostgreSQL database: replicas need a PostgreSQL primary, set DATABASE_URL=postgresql://…`);
  }
  return urls;
}
