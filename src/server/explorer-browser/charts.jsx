// Charts drawn with Observable Plot: SVG built in the browser from the data the page already
// holds, so it bundles with esbuild and loads nothing from another host; it sets the SVG's
// aria-label and aria-description, and each chart here also says what it shows in a
// sentence and offers its numbers as a table, for screen readers and keyboards alike.
import { useEffect, useRef, useState } from "react";

// Plot and d3 are most of the bundle: loaded apart (the page preloads the chunk), so a view's
// GraphQL request leaves before they are evaluated, and the search view never waits for them.
let plotModule;
const loadPlot = () => (plotModule ??= import("@observablehq/plot"));

// Tableau 10, Plot's default categorical scheme, written out so the colour scale can also
// hold the greys of the rows that gather several outlets.
const TABLEAU10 = ["#4e79a7", "#f28e2c", "#e15759", "#76b7b2", "#59a14f", "#edc949", "#af7aa1", "#ff9da7", "#9c755f", "#bab0ab"];
export const OTHER_OUTLETS = "Other outlets";
export const UNKNOWN_OUTLET = "Unknown outlet";

/**
 * An outlet's colour: the same on every chart of every page while the archive has no more
 * outlets than the scheme has colours; beyond, ten colours cannot tell fifty outlets apart, so
 * the outlets a page shows (`shown`, in its order) take the colours first.
 */
export function outletColor(outlets, shown = []) {
  const all = outlets.map((o) => o.name).sort();
  const names = all.length <= TABLEAU10.length ? all : [...new Set([...shown, ...all])];
  return { type: "ordinal", domain: [...names, OTHER_OUTLETS, UNKNOWN_OUTLET], range: [...names.map((_, i) => TABLEAU10[i % 10]), "#8a939c", "#c4cad0"] };
}

/**
 * The row a chart gives an outlet: its name for the `top` outlets, else "Other outlets", so a
 * person quoted by fifty outlets still gets a chart that fits a screen (the table lists all).
 */
export function outletRow(top) {
  const shown = new Set(top);
  return (outlet) => (!outlet ? UNKNOWN_OUTLET : shown.has(outlet.name) ? outlet.name : OTHER_OUTLETS);
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
  // A table of thousands of rows costs as much to render as the page: built when opened.
  const [tableOpen, setTableOpen] = useState(false);
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
        <details className="chart-data" onToggle={(event) => setTableOpen(event.currentTarget.open)}>
          <summary>The numbers of “{title}” as a table</summary>
          {tableOpen && <DataTable {...table} caption={title} />}
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
