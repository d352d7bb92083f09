// Words and numbers as the pages print them.

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** `2025-03-04` → `4 Mar 2025`; "undated" for null. */
export function formatDay(day) {
  return day ? DAY.format(new Date(`${day}T00:00:00Z`)) : "undated";
}

/** A Date at midnight UTC of an ISO day, for the charts' time scales. */
export const dayDate = (day) => new Date(`${day}T00:00:00Z`);

/** `1 quote`, `3 quotes`. */
export function count(n, one, many = `${one}s`) {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/** `A`, `A and B`, `A, B and C`. */
export function listing(items) {
  if (items.length < 2) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
