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
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, "$1***@");
}
