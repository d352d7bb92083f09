// Person: the name and every spelling seen, counts, a timeline of their quotes per day (or
// week, or month) and outlet (Person.quoteTimeline, one aggregate however many quotes), the
// outlets that quoted them, their topics, and their statements ordered by reach, paged (?after= / ?before=).
import { useCallback, useMemo } from "react";
import { Link, useParams, useSearch } from "wouter";
import { Chart, OTHER_OUTLETS, UNKNOWN_OUTLET, dayScale, labelMargin, outletColor, outletRow } from "../charts.jsx";
import { useOperation } from "../graphql-client.js";
import { count, dayDate, formatDay, listing } from "../format.js";
import { Empty, Failure, Loading, NotFound } from "../states.jsx";

// Eight, so a page of statements and the charts above it fit a laptop screen together.
const PAGE = 8;

function pageVariables(search) {
  const params = new URLSearchParams(search);
  if (params.get("before")) return { last: PAGE, before: params.get("before") };
  return { first: PAGE, ...(params.get("after") && { after: params.get("after") }) };
}

// Rows of the timeline and bars of the outlet chart: the outlets that quoted the person
// most; the others share one row ("Other outlets"), and the tables list every one.
const TOP_OUTLETS = 8;
const PERIOD_WORD = { DAY: "day", WEEK: "week", MONTH: "month" };
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

function periodName(start, interval) {
  if (interval === "MONTH") return MONTH.format(dayDate(start));
  return interval === "WEEK" ? `the week of ${formatDay(start)}` : formatDay(start);
}

function QuoteTimeline({ person, outlets }) {
  const { interval, points } = person.quoteTimeline;
  const rowOf = outletRow(person.quotesByOutlet.slice(0, TOP_OUTLETS).map((r) => r.outlet.name));
  const dated = points.reduce((sum, d) => sum + d.count, 0);
  const periods = new Set(points.map((d) => d.start)).size;
  const busiest = points.reduce((best, d) => (d.count > (best?.count ?? 0) ? d : best), null);
  const word = PERIOD_WORD[interval];
  const summary =
    `${count(dated, "dated quote")} by ${person.name} ${interval === "DAY" ? "on" : "in"} ${count(periods, word)}, ` +
    `from ${periodName(points[0].start, interval)} to ${periodName(points[points.length - 1].start, interval)}; ` +
    `the most in one outlet in one ${word}: ${busiest.count} in ${busiest.outlet?.name ?? "an unknown outlet"} ${interval === "MONTH" ? "in" : "on"} ${periodName(busiest.start, interval)}.`;
  const plot = useCallback(
    (width, Plot) => {
      const rows = [...new Set(points.map((d) => rowOf(d.outlet)))];
      return {
        height: Math.max(140, 44 * rows.length + 60),
        marginLeft: labelMargin(width),
        x: { ...dayScale(points.map((d) => d.start), width - labelMargin(width)), label: `${word[0].toUpperCase()}${word.slice(1)} of publication` },
        y: { label: null, domain: [...person.quotesByOutlet.map((r) => rowOf(r.outlet)), OTHER_OUTLETS, UNKNOWN_OUTLET].filter((r, i, all) => rows.includes(r) && all.indexOf(r) === i) },
        r: { range: [3, 14], label: "Quotes" },
        color: outletColor(outlets, person.quotesByOutlet.slice(0, TOP_OUTLETS).map((r) => r.outlet.name)),
        marks: [
          Plot.dot(points, {
            x: (d) => dayDate(d.start),
            y: (d) => rowOf(d.outlet),
            r: "count",
            fill: (d) => rowOf(d.outlet),
            fillOpacity: 0.8,
            stroke: "white",
            channels: {
              When: (d) => periodName(d.start, interval),
              Outlet: (d) => d.outlet?.name ?? UNKNOWN_OUTLET,
              Quotes: "count",
              Said: (d) => `“${d.example.text}”`,
            },
            tip: { format: { x: false, y: false, r: false, fill: false } },
          }),
        ],
      };
    },
    [points, outlets, interval],
  );
  return (
    <Chart
      title={`Timeline of ${person.name}'s quotes`}
      summary={summary}
      plot={plot}
      table={{
        columns: [
          { label: interval === "DAY" ? "Day" : interval === "WEEK" ? "Week of" : "Month", value: (d) => (interval === "MONTH" ? periodName(d.start, interval) : formatDay(d.start)) },
          { label: "Outlet", value: (d) => d.outlet?.name ?? UNKNOWN_OUTLET },
          { label: "Quotes", value: (d) => d.count },
          { label: "For example", value: (d) => `“${d.example.text}”` },
        ],
        rows: points,
      }}
    />
  );
}

function OutletBars({ person, outlets }) {
  const all = person.quotesByOutlet;
  const others = all.slice(TOP_OUTLETS);
  const bars = useMemo(
    () => [
      ...all.slice(0, TOP_OUTLETS).map((r) => ({ name: r.outlet.name, count: r.count })),
      ...(others.length ? [{ name: `${OTHER_OUTLETS} (${others.length})`, fill: OTHER_OUTLETS, count: others.reduce((sum, r) => sum + r.count, 0) }] : []),
    ],
    [all],
  );
  const summary =
    `${listing(all.slice(0, TOP_OUTLETS).map((r) => `${r.outlet.name} (${r.count})`).concat(others.length ? [`${count(others.length, "other outlet")} (${bars[bars.length - 1].count})`] : []))} quoted ${person.name}.`;
  const plot = useCallback(
    (width, Plot) => ({
      height: 34 * bars.length + 50,
      marginLeft: labelMargin(width),
      // Room for a count of four digits after the longest bar.
      marginRight: 45,
      x: { label: "Quotes carried", grid: true },
      y: { label: null, domain: bars.map((b) => b.name) },
      color: outletColor(outlets, bars.map((b) => b.name)),
      marks: [
        Plot.barX(bars, { x: "count", y: "name", fill: (b) => b.fill ?? b.name }),
        Plot.text(bars, { x: "count", y: "name", text: "count", dx: 10, textAnchor: "start" }),
        Plot.ruleX([0]),
      ],
    }),
    [bars, outlets],
  );
  return (
    <Chart
      title={`Outlets that quoted ${person.name}`}
      summary={summary}
      plot={plot}
      table={{ columns: [{ label: "Outlet", value: (r) => <Link href={`/outlet/${r.outlet.slug}`}>{r.outlet.name}</Link> }, { label: "Quotes", value: (r) => r.count }], rows: all }}
    />
  );
}

function Statements({ person, statements }) {
  const { pageInfo } = statements;
  return (
    <section aria-labelledby="statements-heading">
      <h2 id="statements-heading">
        Statements <span className="count">{statements.totalCount.toLocaleString("en")}</span>
      </h2>
      <p className="note">Each remark once, however many outlets carried it; the most widely carried first.</p>
      {statements.totalCount === 0 ? (
        <Empty>No remark of {person.name}'s is linked across outlets yet.</Empty>
      ) : (
        <ol className="results">
          {statements.nodes.map((s) => (
            <li key={s.id}>
              <Link href={`/statement/${encodeURIComponent(s.id)}`} className="result-title quote-text">
                “{s.text}”
              </Link>
              <p className="meta">
                carried by {count(s.outletCount, "outlet")} in {count(s.reportCount, "quote")} · first reported {formatDay(s.firstReportedOn)}
              </p>
            </li>
          ))}
        </ol>
      )}
      {(pageInfo.hasPreviousPage || pageInfo.hasNextPage) && (
        <nav className="pager" aria-label="Pages of statements">
          {pageInfo.hasPreviousPage && <Link href={`/person/${person.slug}?before=${encodeURIComponent(pageInfo.startCursor)}`}>← Wider reach</Link>}
          {pageInfo.hasNextPage && <Link href={`/person/${person.slug}?after=${encodeURIComponent(pageInfo.endCursor)}`}>Narrower reach →</Link>}
        </nav>
      )}
    </section>
  );
}

export function PersonPage() {
  const { slug } = useParams();
  const search = useSearch();
  const { data, error, loading, stale } = useOperation("ExplorerPerson", { slug, ...pageVariables(search) });

  if (error) return <Failure error={error} />;
  if (!data) return <Loading what="the person" />;
  const { person, statements, outlets } = data;
  if (!person)
    return (
      <NotFound what="person">
        The archive names nobody spelled “{slug}”. <Link href={`/search?q=${encodeURIComponent(slug.replace(/-/g, " "))}`}>Search for the name</Link>.
      </NotFound>
    );
  const otherSpellings = person.aliases.filter((a) => a !== person.name);

  return (
    <article className={stale || loading ? "stale" : ""} aria-busy={stale || loading} aria-labelledby="page-title">
      <p className="kind">Person</p>
      <h1 id="page-title" tabIndex={-1}>
        {person.name}
      </h1>
      <dl className="figures">
        <div>
          <dt>Quotes</dt>
          <dd data-figure="quotes">{person.quoteCount.toLocaleString("en")}</dd>
        </div>
        <div>
          <dt>Articles naming them</dt>
          <dd data-figure="articles">{person.articleCount.toLocaleString("en")}</dd>
        </div>
        <div>
          <dt>Outlets quoting them</dt>
          <dd data-figure="outlets">{person.quotesByOutlet.length}</dd>
        </div>
        <div>
          <dt>Statements</dt>
          <dd data-figure="statements">{statements.totalCount.toLocaleString("en")}</dd>
        </div>
      </dl>
      {otherSpellings.length > 0 && (
        <p className="spellings">
          <span className="label">Also spelled</span> {otherSpellings.map((a, i) => <span key={a} className="alias">{a}</span>)}
        </p>
      )}

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">When they were quoted</h2>
        {person.quoteTimeline.points.length ? (
          <QuoteTimeline person={person} outlets={outlets} />
        ) : (
          <Empty>No dated quote of {person.name}'s is in the archive.</Empty>
        )}
      </section>

      <div className="two-columns">
        <section aria-labelledby="outlets-heading">
          <h2 id="outlets-heading">Who quoted them</h2>
          {person.quotesByOutlet.length ? <OutletBars person={person} outlets={outlets} /> : <Empty>No outlet quoted {person.name}.</Empty>}
        </section>
        <section aria-labelledby="topics-heading">
          <h2 id="topics-heading">Topics</h2>
          <p className="note">Of the articles that quote them, with how many articles each.</p>
          {person.topics.length ? (
            <ul className="chips">
              {person.topics.map(({ topic, articleCount }) => (
                <li key={topic.slug}>
                  <Link href={`/topic/${topic.slug}`}>
                    {topic.name} <span className="count">{articleCount}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>No topic: no article quoting {person.name} has one.</Empty>
          )}
        </section>
      </div>

      <Statements person={person} statements={statements} />
    </article>
  );
}
