// Charts drawn with Observable Plot: SVG built in the browser from the data the page already
// holds, so it bundles with esbuild and loads nothing from another host; it sets the SVG's
// aria-label and aria-description, and each chart here also says what it shows in a
// sentence and offers its numbers as a table, for screen readers and keyboards alike.
import { useEffect, useRef, useState } from "react";

// Plot and d3 are most of the bundle: loaded apart (the page preloads the chunk), so a view's
// GraphQL request leaves before they are evaluated, and the search view never waits for them.
let plotModule;
const loadPlot = () => (plotModule ??= import("@observablehq/plot"));

/** The same colour for an outlet on every chart: every outlet of the archive, by name, in one scheme. */
export function outletColor(outlets) {
  return { type: "categorical", domain: outlets.map((o) => o.name).sort(), scheme: "tableau10" };
}

const DAY_MS = 86_400_000;

/**
 * The x scale of a chart over days: a day either side of the data so no mark sits on the
 * edge, and ticks on whole days or weeks when the span is short (Plot would otherwise tick
 * hours across three days).
 */
export function dayScale(days, width) {
  const times = days.map((d) => Date.parse(`${d}T00:00:00Z`));
  const [min, max] = [Math.min(...times), Math.max(...times)];
  const spanDays = (max - min) / DAY_MS;
  const domain = [new Date(min - DAY_MS), new Date(max + DAY_MS)];
  const base = { type: "utc", label: "Day of publication", domain };
  const fit = Math.max(2, Math.floor(width / 90));
  if (spanDays + 2 <= fit) return { ...base, ticks: "day", tickFormat: "%-d %b" };
  if ((spanDays + 2) / 7 <= fit) return { ...base, ticks: "week", tickFormat: "%-d %b" };
  return { ...base, ticks: fit };
}

/** Room for outlet names left of a chart, less on a narrow screen. */
export const labelMargin = (width) => Math.round(Math.min(140, width * 0.3));

/** The width of an element, followed as the window resizes. */
function useWidth(ref) {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * A Plot chart with its summary as a caption and its data as a table behind a disclosure.
 * `plot(width, Plot)` returns Plot's options for the available width.
 */
export function Chart({ title, summary, plot, table }) {
  const holder = useRef(null);
  const width = useWidth(holder);
  const [failed, setFailed] = useState(null);
  useEffect(() => {
    if (!width) return;
    let figure;
    let current = true;
    loadPlot().then(
      (Plot) => {
        if (!current) return;
        figure = Plot.plot({ ...plot(width, Plot), width, ariaLabel: title, ariaDescription: summary });
        holder.current.replaceChildren(figure);
      },
      () => current && setFailed("The chart could not be loaded; its numbers are in the table below."),
    );
    return () => {
      current = false;
      figure?.remove();
    };
  }, [width, plot, title, summary]);
  return (
    <figure className="chart">
      <div ref={holder} className="chart-plot" />
      {failed && <p className="state state-error">{failed}</p>}
      <figcaption>{summary}</figcaption>
      {table && (
        <details className="chart-data">
          <summary>The numbers of “{title}” as a table</summary>
          <DataTable {...table} caption={title} />
        </details>
      )}
    </figure>
  );
}

/** `columns`: [{ label, value(row) }]. */
export function DataTable({ caption, columns, rows }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {columns.map((c) => (
              <td key={c.label}>{c.value(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
