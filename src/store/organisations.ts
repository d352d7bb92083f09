// Organisations as speakers: a ministry, a company, a newspaper. Each is one row however
// articles write its name ("the Coastal Fisheries Inspectorate", "Coastal Fisheries
// Inspectorate"), matched on its slug; its quotes are read as a person's are.
import type { Organisation } from "../generated/prisma/client.js";
import { slugify } from "../extract/names.js";
import { Conditions } from "./filters.js";
import { fetchKeysetPage, fetchKeysetPagesPerParent, type KeyValue, type Page, type PageRequest, type SortKey } from "./keyset.js";
import type { SqlArchive } from "./sql-archive.js";
import type { SqlDialect } from "./sql-dialect.js";
import { quoteSortKeys, QUOTE_COLUMNS, type Quote } from "./quotes.js";
import { rowsByIds, sqlRows } from "./sql-rows.js";

export type { Organisation };

export interface OrganisationFilter {
  /** Part of the name, case-insensitive, diacritics folded. */
  search?: string | null;
}

const sortKeys: SortKey[] = [
  { column: "o.name", direction: "ASC" },
  { column: "o.id", direction: "ASC" },
];
export const organisationKey = (o: Organisation): KeyValue[] => [o.name, o.id];

function organisationConditions(dialect: SqlDialect, filter: OrganisationFilter): Conditions {
  const c = new Conditions(dialect);
  if (filter.search) {
    const like = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    c.add(`(lower(o.name) LIKE ? ESCAPE '\\' OR o.slug LIKE ? ESCAPE '\\')`, like(filter.search.toLowerCase()), like(slugify(filter.search)));
  }
  return c;
}

export async function findOrganisations(
  store: SqlArchive,
  filter: OrganisationFilter,
  request: PageRequest,
): Promise<Page<Organisation>> {
  const c = organisationConditions(store.dialect, filter);
  return fetchKeysetPage<Organisation>(store.dialect, request, sortKeys, (condition, orderBy, limit, keyParams) =>
    sqlRows(store, `SELECT o.* FROM organisations o ${c.where(condition)} ORDER BY ${orderBy} LIMIT ?`, [...c.params, ...keyParams, limit]),
  );
}

export async function countOrganisations(store: SqlArchive, filter: OrganisationFilter): Promise<number> {
  const c = organisationConditions(store.dialect, filter);
  const [row] = await sqlRows<{ n: number }>(store, `SELECT count(*) AS n FROM organisations o ${c.where()}`, c.params);
  return row.n;
}

/** An organisation by its slug or its name, case-insensitive. */
export async function organisationBySlugOrName(store: SqlArchive, slugOrName: string): Promise<Organisation | null> {
  const key = slugOrName.trim().toLowerCase();
  const [row] = await sqlRows<Organisation>(store, `SELECT * FROM organisations WHERE slug = ? OR lower(name) = ? LIMIT 1`, [key, key]);
  return row ?? null;
}

export function organisationsByIds(store: SqlArchive, ids: readonly number[]): Promise<(Organisation | null)[]> {
  return rowsByIds<Organisation>(store, "organisations", ids);
}

/** The same page of quotes for each of many organisations, newest first. */
export function quotePagesOfOrganisations(store: SqlArchive, ids: readonly number[], request: PageRequest) {
  return fetchKeysetPagesPerParent<Quote & Record<string, unknown>>(
    store.dialect,
    request,
    quoteSortKeys,
    `q."organisationId"`,
    ids,
    (sql, params) => sqlRows(store, sql, params),
    { select: QUOTE_COLUMNS, from: "quotes q" },
  );
}
