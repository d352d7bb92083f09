/** The --max-bytes value of ingest and extract: a positive whole number, or the pipeline's default. Exits 2 on anything else. */
export function maxBytesOption(raw: string | undefined): number | undefined {
  if (raw == null) return undefined;
  const maxBytes = Number(raw);
  if (!(Number.isInteger(maxBytes) && maxBytes > 0)) {
    console.error(`--max-bytes must be a positive whole number of bytes, got "${raw}"`);
    process.exit(2);
  }
  return maxBytes;
}
