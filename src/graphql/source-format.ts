// The stored source format ("news-please") as the API's enum value (NEWS_PLEASE), for
// GraphQL and the export alike, so a client reads the same word in both.
import type { SourceFormat } from "./generated/resolvers-types.js";

const BY_STORED: Record<string, SourceFormat> = { text: "TEXT", html: "HTML", warc: "WARC", "news-please": "NEWS_PLEASE" };

/** The enum value of a stored format. A value the archive never writes is a corrupt row: it throws, and the client gets INTERNAL_SERVER_ERROR. */
export function sourceFormatEnum(stored: string): SourceFormat {
  const value = BY_STORED[stored];
  if (!value) throw new Error(`articles.sourceFormat holds "${stored}", which is not a source format (${Object.keys(BY_STORED).join(", ")})`);
  return value;
}
