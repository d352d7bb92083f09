// Statement: the remark as first reported, every outlet's rendering beside it with what
// differs marked (trimmed, retranslated), when each outlet carried it (first report
// marked), and links to the articles.
import { useCallback } from "react";
import { Link, useParams } from "wouter";
import { Chart, dayScale, labelMargin, outletColor } from "../charts.jsx";
import { useOperation } from "../graphql-client.js";
import { count, dayDate, formatDay, listing } from "../format.js";
import { Empty, Failure, Loading, NotFound } from "../states.jsx";
import { isTrimmed, wordDiff } from "../word-diff.js";

/** A rendering's words, with what the first report has and it lacks struck through, and what it says instead underlined. */
function MarkedText({ parts }) {
  return (
    <q className="quote-text">
      {parts.map((p, i) => {
        const space = i ? " " : "";
        if (p.kind === "added")
          return (
            <span key={i}>
              {space}
              <ins>
                <span className="visually-hidden">[instead: </span>
                {p.text}
                <span className="visually-hidden">]</span>
              </ins>
            </span>
          );
        if (p.kind === "removed")
          return (
            <span key={i}>
              {space}
              <del>
                <span className="visually-hidden">[leaves out: </span>
                {p.text}
                <span className="visually-hidden">]</span>
              </del>
            </span>
          );
        return <span key={i}>{space + p.text}</span>;
      })}
    </q>
  );
}

function kindOf(parts) {
  if (parts.every((p) => p.kind === "same")) return "same words";
  if (isTrimmed(parts)) return "trimmed";
  return "worded differently";
}

function Propagation({ quotes, outlets, first }) {
  const rows = quotes.filter((q) => q.article.publishedOn);
  const plot = useCallback(
    (width, Plot) => ({
      height: 40 * new Set(rows.map((q) => q.article.outlet?.name)).size + 70,
      marginLeft: labelMargin(width),
      x: dayScale(rows.map((q) => q.article.publishedOn), width - labelMargin(width)),
      y: { label: null, domain: [...new Set(rows.map((q) => q.article.outlet?.name ?? "Unknown outlet"))] },
      color: outletColor(outlets, rows.map((q) => q.article.outlet?.name)),
      marks: [
        Plot.ruleY(rows, { y: (q) => q.article.outlet?.name ?? "Unknown outlet", stroke: "#eee" }),
        Plot.dot(rows, {
          x: (q) => dayDate(q.article.publishedOn),
          y: (q) => q.article.outlet?.name ?? "Unknown outlet",
          fill: (q) => q.article.outlet?.name ?? "Unknown outlet",
          r: 7,
          channels: { Outlet: (q) => q.article.outlet?.name ?? "Unknown outlet", Headline: (q) => q.article.headline ?? "" },
          tip: { format: { y: false, fill: false } },
        }),
        Plot.dot([first], { x: (q) => dayDate(q.article.publishedOn), y: (q) => q.article.outlet?.name ?? "Unknown outlet", r: 12, stroke: "black", strokeWidth: 2 }),
        Plot.text([first], { x: (q) => dayDate(q.article.publishedOn), y: (q) => q.article.outlet?.name ?? "Unknown outlet", text: () => "first report", dy: -18, fontWeight: "bold" }),
      ],
    }),
    [rows, outlets, first],
  );
  const order = rows.map((q) => `${q.article.outlet?.name ?? "an unknown outlet"} on ${formatDay(q.article.publishedOn)}`);
  return (
    <Chart
      title="Which outlet carried it when"
      summary={`First reported by ${order[0]}; then ${order.length > 1 ? listing(order.slice(1)) : "by no other outlet"}.`}
      plot={plot}
      table={{
        columns: [
          { label: "Day", value: (q) => formatDay(q.article.publishedOn) },
          { label: "Outlet", value: (q) => q.article.outlet?.name ?? "Unknown outlet" },
          { label: "Article", value: (q) => q.article.headline ?? "(no headline)" },
        ],
        rows,
      }}
    />
  );
}

export function StatementPage() {
  const { id } = useParams();
  const { data, error } = useOperation("ExplorerStatement", { id });

  if (error) return <Failure error={error} />;
  if (!data) return <Loading what="the statement" />;
  const statement = data.node?.quotes?.nodes.length ? data.node : null;
  if (!statement)
    return (
      <NotFound what="statement">
        The archive holds no statement with the id “{id}”. <Link href="/search">Search the archive</Link>.
      </NotFound>
    );
  const quotes = statement.quotes.nodes;
  const [first] = quotes;

  return (
    <article aria-labelledby="page-title">
      <p className="kind">Statement</p>
      <h1 id="page-title" tabIndex={-1} className="quote-heading">
        “{first.text}”
      </h1>
      <p className="lede">
        <Link href={`/person/${statement.speaker.slug}`}>{statement.speaker.name}</Link>, as first reported by {first.article.outlet?.name ?? "an unknown outlet"} on{" "}
        {formatDay(first.article.publishedOn)}.
      </p>
      <dl className="figures">
        <div>
          <dt>Outlets</dt>
          <dd data-figure="outlets">{statement.outletCount}</dd>
        </div>
        <div>
          <dt>Quotes</dt>
          <dd data-figure="quotes">{statement.reportCount}</dd>
        </div>
        <div>
          <dt>First reported</dt>
          <dd data-figure="first">{formatDay(statement.firstReportedOn)}</dd>
        </div>
        <div>
          <dt>Last reported</dt>
          <dd data-figure="last">{formatDay(statement.lastReportedOn)}</dd>
        </div>
      </dl>

      <section aria-labelledby="propagation-heading">
        <h2 id="propagation-heading">How it spread</h2>
        {first.article.publishedOn ? (
          <Propagation quotes={quotes} outlets={data.outlets} first={first} />
        ) : (
          <Empty>The first report is undated, so the spread cannot be drawn over time.</Empty>
        )}
      </section>

      <section aria-labelledby="renderings-heading">
        <h2 id="renderings-heading">
          Every outlet's rendering <span className="count">{statement.quotes.totalCount}</span>
        </h2>
        <p className="note">
          Compared word by word with the first report: <del>struck through</del> is left out, <ins>underlined</ins> is said instead.
        </p>
        <ol className="renderings">
          {quotes.map((q, i) => {
            const parts = i === 0 ? [{ kind: "same", text: q.text }] : wordDiff(first.text, q.text);
            return (
              <li key={q.id} className={i === 0 ? "rendering first" : "rendering"}>
                <p className="rendering-source">
                  <strong>{q.article.outlet ? <Link href={`/outlet/${q.article.outlet.slug}`}>{q.article.outlet.name}</Link> : "Unknown outlet"}</strong> · {formatDay(q.article.publishedOn)} ·{" "}
                  <span className="tag">{i === 0 ? "first report" : kindOf(parts)}</span>
                </p>
                <MarkedText parts={parts} />
                <p className="meta">
                  In{" "}
                  {q.article.story ? (
                    <Link href={`/story/${encodeURIComponent(q.article.story.id)}`}>{q.article.headline ?? "(no headline)"}</Link>
                  ) : (
                    <span>{q.article.headline ?? "(no headline)"}</span>
                  )}
                  {q.article.url && (
                    <>
                      {" · "}
                      <a href={q.article.url} rel="noreferrer noopener" target="_blank">
                        original<span className="visually-hidden"> article (opens {q.article.outlet?.name ?? "the outlet"}'s site)</span>
                      </a>
                    </>
                  )}
                </p>
              </li>
            );
          })}
        </ol>
        {statement.quotes.totalCount > quotes.length && (
          <p className="note">The first {quotes.length} of {count(statement.quotes.totalCount, "rendering")}.</p>
        )}
      </section>
    </article>
  );
}
