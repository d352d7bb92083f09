// Person: the name and every spelling seen, counts, a timeline of their quotes per day and
// outlet (Person.quoteTimeline, one aggregate however many quotes), the outlets that quoted
// them, their topics, and their statements ordered by reach, paged (?after= / ?before=).
import { useCallback } from "react";
import { Link, useParams, useSearch } from "wouter";
import { Chart, dayScale, labelMargin, outletColor } from "../charts.jsx";
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

function QuoteTimeline({ person, outlets }) {
  const timeline = person.quoteTimeline;
  const dated = timeline.reduce((sum, d) => sum + d.count, 0);
  const days = new Set(timeline.map((d) => d.day)).size;
  const busiest = timeline.reduce((best, d) => (d.count > (best?.count ?? 0) ? d : best), null);
  const summary =
    `${count(dated, "dated quote")} by ${person.name} on ${count(days, "day")}, from ${formatDay(timeline[0].day)} to ${formatDay(timeline[timeline.length - 1].day)}; ` +
    `the most in one outlet on one day: ${busiest.count} in ${busiest.outlet?.name ?? "an unknown outlet"} on ${formatDay(busiest.day)}.`;
  const plot = useCallback(
    (width, Plot) => ({
      height: Math.max(140, 48 * new Set(timeline.map((d) => d.outlet?.name)).size + 60),
      marginLeft: labelMargin(width),
      x: dayScale(timeline.map((d) => d.day), width - labelMargin(width)),
      y: { label: null },
      r: { range: [4, 16], label: "Quotes" },
      color: outletColor(outlets),
      marks: [
        Plot.ruleX(timeline, { x: (d) => dayDate(d.day), stroke: "#ddd" }),
        Plot.dot(timeline, {
          x: (d) => dayDate(d.day),
          y: (d) => d.outlet?.name ?? "Unknown outlet",
          r: "count",
          fill: (d) => d.outlet?.name ?? "Unknown outlet",
          fillOpacity: 0.85,
          stroke: "white",
          channels: { Outlet: (d) => d.outlet?.name ?? "Unknown outlet", Quotes: "count", Said: (d) => `“${d.example.text}”` },
          tip: { format: { x: false, y: false, r: false, fill: false } },
        }),
      ],
    }),
    [timeline, outlets],
  );
  return (
    <Chart
      title={`Timeline of ${person.name}'s quotes`}
      summary={summary}
      plot={plot}
      table={{
        columns: [
          { label: "Day", value: (d) => formatDay(d.day) },
          { label: "Outlet", value: (d) => d.outlet?.name ?? "Unknown outlet" },
          { label: "Quotes", value: (d) => d.count },
          { label: "For example", value: (d) => `“${d.example.text}”` },
        ],
        rows: timeline,
      }}
    />
  );
}

function OutletBars({ person, outlets }) {
  const rows = person.quotesByOutlet;
  const summary = `${listing(rows.map((r) => `${r.outlet.name} (${r.count})`))} quoted ${person.name}.`;
  const plot = useCallback(
    (width, Plot) => ({
      height: 34 * rows.length + 50,
      marginLeft: labelMargin(width),
      x: { label: "Quotes carried", grid: true },
      y: { label: null },
      color: outletColor(outlets),
      marks: [
        Plot.barX(rows, { x: "count", y: (r) => r.outlet.name, fill: (r) => r.outlet.name, sort: { y: "-x" } }),
        Plot.text(rows, { x: "count", y: (r) => r.outlet.name, text: "count", dx: 10, textAnchor: "start" }),
        Plot.ruleX([0]),
      ],
    }),
    [rows, outlets],
  );
  return (
    <Chart
      title={`Outlets that quoted ${person.name}`}
      summary={summary}
      plot={plot}
      table={{ columns: [{ label: "Outlet", value: (r) => <Link href={`/outlet/${r.outlet.slug}`}>{r.outlet.name}</Link> }, { label: "Quotes", value: (r) => r.count }], rows }}
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
        {person.quoteTimeline.length ? (
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
