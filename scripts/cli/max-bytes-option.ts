/** The --max-bytes value of ingest and extract: a positive whole number, or the pipeline's default; a message for anything else. */
export function checkMaxBytes(raw: string | undefined): { maxBytes?: number; error?: string } {
  if (raw == null) return {};
  const maxBytes = Number(raw);
  if (!(Number.isInteger(maxBytes) && maxBytes > 0)) return { error: `--max-bytes must be a positive whole number of bytes, got "${raw}"` };
  return { maxBytes };
}

/** checkMaxBytes for a script's top level: exits 2 on a bad value. */
export function maxBytesOption(raw: string | undefined): number | undefined {
  const { maxBytes, error } = checkMaxBytes(raw);
  if (error) {
    console.error(error);
    process.exit(2);
  }
  return maxBytes;
}
