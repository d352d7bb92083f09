// The years articles and quotes are partitioned by on PostgreSQL (see
// prisma/postgres/migrations/20261203200000_partition_keys). Ingestion's statements on those
// tables name the year, or the years of their date window, so that PostgreSQL reads those
// years' partitions only, not every year's; on SQLite the condition is only a filter.

/** The year of `publishedOn`, 0 when undated. */
export const yearOf = (publishedOn: string | null): number => (publishedOn ? Number(publishedOn.slice(0, 4)) : 0);

/** `first`, `first + 1`, … `last`. */
export const yearsBetween = (first: number, last: number): number[] => Array.from({ length: last - first + 1 }, (_, i) => first + i);
