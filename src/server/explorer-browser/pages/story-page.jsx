// Story: its articles on a timeline by outlet, the people it names and their statements in
// it, its topics.
import { useCallback } from "react";
import { Link, useParams } from "wouter";
import { Chart, dayScale, labelMargin, outletColor } from "../charts.jsx";
import { useOperation } from "../graphql-client.js";
import { count, dayDate, formatDay, listing } from "../format.js";
import { ArticleItem, StatementItem } from "../result-items.jsx";
import { Empty, Failure, Loading, NotFound } from "../states.jsx";

function ArticleTimeline({ articles, outlets }) {
  const rows = articles.filter((a) => a.publishedOn);
  const outletOf = (a) => a.outlet?.name ?? "Unknown outlet";
  const plot = useCallback(
    (width, Plot) => ({
      height: 40 * new Set(rows.map(outletOf)).size + 70,
      marginLeft: labelMargin(width),
      x: dayScale(rows.map((a) => a.publishedOn), width - labelMargin(width)),
      y: { label: null },
      color: outletColor(outlets, rows.map(outletOf)),
      marks: [
        Plot.ruleY(rows, { y: outletOf, stroke: "#eee" }),
        Plot.dot(rows, {
          x: (a) => dayDate(a.publishedOn),
          y: outletOf,
          fill: outletOf,
          r: 7,
          channels: { Outlet: outletOf, Headline: (a) => a.headline ?? "" },
          tip: { format: { y: false, fill: false } },
        }),
      ],
    }),
    [rows, outlets],
  );
  const order = rows.map((a) => `${outletOf(a)} on ${formatDay(a.publishedOn)}`);
  return (
    <Chart
      title="The story's articles over time"
      summary={`${count(rows.length, "dated article")}: ${listing(order)}.`}
      plot={plot}
      table={{
        columns: [
          { label: "Day", value: (a) => formatDay(a.publishedOn) },
          { label: "Outlet", value: outletOf },
          { label: "Headline", value: (a) => a.headline ?? "(no headline)" },
        ],
        rows,
      }}
    />
  );
}

export function StoryPage() {
  const { id } = useParams();
  const { data, error } = useOperation("ExplorerStory", { id });

  if (error) return <Failure error={error} />;
  if (!data) return <Loading what="the story" />;
  const story = data.node?.articles ? data.node : null;
  if (!story)
    return (
      <NotFound what="story">
        The archive holds no story with the id “{id}”. <Link href="/search">Search the archive</Link>.
      </NotFound>
    );
  const articles = story.articles.nodes;
  const speakers = new Set(story.statements.nodes.map((s) => s.speaker.slug));

  return (
    <article aria-labelledby="page-title">
      <p className="kind">Story</p>
      <h1 id="page-title" tabIndex={-1}>
        {story.title}
      </h1>
      <dl className="figures">
        <div>
          <dt>Articles</dt>
          <dd data-figure="articles">{story.articleCount}</dd>
        </div>
        <div>
          <dt>Outlets</dt>
          <dd data-figure="outlets">{new Set(articles.map((a) => a.outlet?.slug)).size}</dd>
        </div>
        <div>
          <dt>Statements</dt>
          <dd data-figure="statements">{story.statements.totalCount}</dd>
        </div>
        <div>
          <dt>Dates</dt>
          <dd data-figure="dates">
            {formatDay(story.startedOn)}
            {story.lastUpdatedOn !== story.startedOn && ` – ${formatDay(story.lastUpdatedOn)}`}
          </dd>
        </div>
      </dl>
      {story.topics.length > 0 && (
        <ul className="chips" aria-label="Topics">
          {story.topics.map((t) => (
            <li key={t.slug}>
              <Link href={`/topic/${t.slug}`}>{t.name}</Link>
            </li>
          ))}
        </ul>
      )}

      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">
          Articles <span className="count">{story.articles.totalCount}</span>
        </h2>
        {articles.some((a) => a.publishedOn) ? <ArticleTimeline articles={articles} outlets={data.outlets} /> : <Empty>None of its articles is dated.</Empty>}
        <ol className="results">
          {articles.map((a) => (
            <ArticleItem key={a.id} article={a} />
          ))}
        </ol>
      </section>

      <div className="two-columns">
        <section aria-labelledby="people-heading">
          <h2 id="people-heading">
            People <span className="count">{story.people.length}</span>
          </h2>
          <p className="note">Named in its articles, most mentioned first; ★ quoted in it.</p>
          {story.people.length ? (
            <ul className="chips">
              {story.people.map((p) => (
                <li key={p.slug}>
                  <Link href={`/person/${p.slug}`}>
                    {p.name}
                    {speakers.has(p.slug) && <span aria-label=" (quoted in the story)"> ★</span>}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>Its articles name nobody.</Empty>
          )}
        </section>
        <section aria-labelledby="statements-heading">
          <h2 id="statements-heading">
            Statements <span className="count">{story.statements.totalCount}</span>
          </h2>
          <p className="note">Carried by the most outlets first.</p>
          {story.statements.nodes.length ? (
            <ol className="results">
              {story.statements.nodes.map((s) => (
                <StatementItem key={s.id} statement={s} />
              ))}
            </ol>
          ) : (
            <Empty>No remark in this story is attributed.</Empty>
          )}
          {story.statements.totalCount > story.statements.nodes.length && (
            <p className="note">The {story.statements.nodes.length} most widely carried of {story.statements.totalCount}.</p>
          )}
        </section>
      </div>
    </article>
  );
}
