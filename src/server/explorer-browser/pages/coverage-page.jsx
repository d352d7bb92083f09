// Outlet and topic: their articles over time (a bar per week or month, ?by=week in the URL),
// the people most quoted in them, their most widely carried statements and latest articles.
// Both pages show the same things of a different set of articles, so they share this view.
import { useCallback } from "react";
import { Link, useParams, useSearch } from "wouter";
import { Chart } from "../charts.jsx";
import { useOperation } from "../graphql-client.js";
import { count, dayDate, formatDay, listing } from "../format.js";
import { StatementItem } from "../result-items.jsx";
import { Empty, Failure, Loading, NotFound } from "../states.jsx";

const MONTH = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const periodName = (start, interval) => (interval === "WEEK" ? `the week of ${formatDay(start)}` : MONTH.format(dayDate(start)));

function Volume({ name, volume, interval }) {
  const busiest = volume.reduce((best, p) => (p.count > (best?.count ?? 0) ? p : best), null);
  const total = volume.reduce((sum, p) => sum + p.count, 0);
  const summary =
    `${count(total, "dated article")} in ${count(volume.length, interval === "WEEK" ? "week" : "month")} with any, ` +
    `from ${periodName(volume[0].start, interval)} to ${periodName(volume[volume.length - 1].start, interval)}; ` +
    `the most in ${periodName(busiest.start, interval)}: ${busiest.count}.`;
  const plot = useCallback(
    (_width, Plot) => ({
      height: 220,
      marginLeft: 40,
      // Room for the last month's tick label.
      marginRight: 30,
      x: { type: "utc", label: interval === "WEEK" ? "Week" : "Month", tickFormat: interval === "WEEK" ? "%-d %b %Y" : "%b %Y" },
      y: { label: "Articles", grid: true, tickFormat: "d", ticks: Math.min(5, busiest.count) },
      marks: [
        Plot.rectY(volume, {
          x: (p) => dayDate(p.start),
          y: "count",
          interval: interval === "WEEK" ? "monday" : "month",
          fill: "#1f5fa8",
          inset: 1,
          channels: { Period: (p) => periodName(p.start, interval), Articles: "count" },
          tip: { format: { x: false, y: false } },
        }),
        Plot.ruleY([0]),
      ],
    }),
    [volume, interval, busiest],
  );
  return (
    <Chart
      title={`${name}: articles per ${interval === "WEEK" ? "week" : "month"}`}
      summary={summary}
      plot={plot}
      table={{
        columns: [
          { label: interval === "WEEK" ? "Week of" : "Month", value: (p) => (interval === "WEEK" ? formatDay(p.start) : MONTH.format(dayDate(p.start))) },
          { label: "Articles", value: (p) => p.count },
        ],
        rows: volume,
      }}
    />
  );
}

function IntervalSwitch({ path, interval }) {
  return (
    <nav className="switch" aria-label="Count articles per">
      {["MONTH", "WEEK"].map((i) => (
        <Link key={i} href={i === "MONTH" ? path : `${path}?by=week`} aria-current={interval === i ? "true" : undefined}>
          per {i.toLowerCase()}
        </Link>
      ))}
    </nav>
  );
}

/** `kind`: "outlet" or "topic". */
function CoveragePage({ kind }) {
  const { slug } = useParams();
  const interval = new URLSearchParams(useSearch()).get("by") === "week" ? "WEEK" : "MONTH";
  const { data, error, loading, stale } = useOperation(kind === "outlet" ? "ExplorerOutlet" : "ExplorerTopic", { slug, interval });

  if (error) return <Failure error={error} />;
  if (!data) return <Loading what={`the ${kind}`} />;
  const subject = data[kind];
  if (!subject)
    return (
      <NotFound what={kind}>
        The archive has no {kind} “{slug}”. <Link href="/search">Search the archive</Link>.
      </NotFound>
    );
  const { articles, statements } = data;
  const path = `/${kind}/${subject.slug}`;
  const people = subject.mostQuoted;

  return (
    <article className={stale || loading ? "stale" : ""} aria-busy={stale || loading} aria-labelledby="page-title">
      <p className="kind">{kind === "outlet" ? "Outlet" : "Topic"}</p>
      <h1 id="page-title" tabIndex={-1}>
        {subject.name}
      </h1>
      <dl className="figures">
        <div>
          <dt>Articles</dt>
          <dd data-figure="articles">{subject.articleCount.toLocaleString("en")}</dd>
        </div>
        <div>
          <dt>Statements</dt>
          <dd data-figure="statements">{statements.totalCount.toLocaleString("en")}</dd>
        </div>
        {kind === "outlet" && subject.firstPublishedOn && (
          <div>
            <dt>In the archive</dt>
            <dd data-figure="dates">
              {formatDay(subject.firstPublishedOn)} – {formatDay(subject.lastPublishedOn)}
            </dd>
          </div>
        )}
      </dl>
      <p>
        <Link href={`/search?${kind}=${subject.slug}`}>Search within {kind === "outlet" ? "its articles" : "this topic"} →</Link>
      </p>

      <section aria-labelledby="volume-heading">
        <h2 id="volume-heading">Articles over time</h2>
        <IntervalSwitch path={path} interval={interval} />
        {subject.articleVolume.length ? (
          <Volume name={subject.name} volume={subject.articleVolume} interval={interval} />
        ) : (
          <Empty>None of its articles is dated.</Empty>
        )}
      </section>

      <div className="two-columns">
        <section aria-labelledby="quoted-heading">
          <h2 id="quoted-heading">Most quoted</h2>
          {people.length ? (
            <>
              <p className="note">{listing(people.slice(0, 3).map((p) => `${p.person.name} (${count(p.count, "quote")})`))} lead.</p>
              <ol className="results ranked">
                {people.map((p) => (
                  <li key={p.person.slug}>
                    <Link href={`/person/${p.person.slug}`}>{p.person.name}</Link> <span className="count">{p.count}</span>
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <Empty>Nobody is quoted by name in its articles.</Empty>
          )}
        </section>
        <section aria-labelledby="statements-heading">
          <h2 id="statements-heading">
            Statements <span className="count">{statements.totalCount.toLocaleString("en")}</span>
          </h2>
          <p className="note">The most widely carried first.</p>
          {statements.nodes.length ? (
            <ol className="results">
              {statements.nodes.map((s) => (
                <StatementItem key={s.id} statement={s} />
              ))}
            </ol>
          ) : (
            <Empty>No remark in its articles is attributed.</Empty>
          )}
        </section>
      </div>

      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">
          Latest articles <span className="count">{articles.totalCount.toLocaleString("en")}</span>
        </h2>
        {articles.nodes.length ? (
          <ul className="results">
            {articles.nodes.map((a) => (
              <li key={a.id}>
                {a.story ? (
                  <Link href={`/story/${encodeURIComponent(a.story.id)}`} className="result-title">
                    {a.headline ?? "(no headline)"}
                  </Link>
                ) : (
                  <span className="result-title">{a.headline ?? "(no headline)"}</span>
                )}
                <p className="meta">
                  {a.outlet && (
                    <>
                      <Link href={`/outlet/${a.outlet.slug}`}>{a.outlet.name}</Link> ·{" "}
                    </>
                  )}
                  {formatDay(a.publishedOn)}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>No article.</Empty>
        )}
        {articles.totalCount > articles.nodes.length && (
          <p className="note">
            The latest {articles.nodes.length}; <Link href={`/search?${kind}=${subject.slug}`}>search</Link> to see and narrow the rest.
          </p>
        )}
      </section>
    </article>
  );
}

export const OutletPage = () => <CoveragePage kind="outlet" />;
export const TopicPage = () => <CoveragePage kind="topic" />;
