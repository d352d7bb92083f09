import type DataLoader from "dataloader";

/** Loads many rows by id and drops the ones that are gone, keeping the order of `ids`. */
export async function loadPresent<T>(loader: DataLoader<number, T | null>, ids: readonly number[]): Promise<T[]> {
  const rows = await loader.loadMany(ids);
  return rows.filter((r): r is T => r != null && !(r instanceof Error));
}
