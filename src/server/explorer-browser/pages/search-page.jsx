// Search: one box (in the header), results grouped as people, statements, stories and
// articles with their counts; outlet, topic and date filters kept in the URL
// (/explore/search?q=sanctions&outlet=baltic-courier&from=2025-01-01).
import { Link, useLocation, useSearch } from "wouter";
import { useOperation } from "../graphql-client.js";
import { count, formatDay } from "../format.js";
import { ArticleItem } from "../result-items.jsx";
import { Empty, Failure, Loading } from "../states.jsx";

const FILTERS = ["q", "outlet", "topic", "from", "to"];

/** True for a calendar day written YYYY-MM-DD (not 2025-13-45, nor 2025-02-30). */
function isDay(text) {
  const date = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * The search's words and filters as the URL holds them, "" for those not set. A date that is
 * not a day (an address edited by hand) is left out, and named in `ignored`.
 */
function readParams(search) {
  const params = new URLSearchParams(search);
  const read = Object.fromEntries(FILTERS.map((name) => [name, params.get(name)?.trim() ?? ""]));
  const ignored = ["from", "to"].filter((name) => read[name] && !isDay(read[name])).map((name) => ({ name, value: read[name] }));
  for (const { name } of ignored) read[name] = "";
  return { ...read, ignored };
}

/** The GraphQL filters of each group; a filter a list cannot take is left out of it. */
function filtersOf({ q, outlet, topic, from, to }) {
  const common = {
    ...(outlet && { outlets: [outlet] }),
    ...(from && { publishedAfter: from }),
    ...(to && { publishedBefore: to }),
    ...(q && { search: q }),
  };
  const withTopic = { ...common, ...(topic && { topics: [topic] }) };
  return { people: common, statements: withTopic, stories: withTopic, articles: withTopic };
}

/** The spelling that matched the search, when it is not the canonical name ("Zelenskiy" for Volodymyr Zelensky). */
function matchedSpelling(person, q) {
  if (!q) return null;
  const words = q.toLowerCase();
  if (person.name.toLowerCase().includes(words)) return null;
  return person.aliases.find((a) => a.toLowerCase().includes(words)) ?? null;
}

function Filters({ params, outlets, topics }) {
  const [, navigate] = useLocation();
  const change = (name, value) => {
    const next = new URLSearchParams();
    for (const key of FILTERS) {
      const v = key === name ? value : params[key];
      if (v) next.set(key, v);
    }
    navigate(`/search${next.size ? `?${next}` : ""}`);
  };
  return (
    <fieldset className="filters">
      <legend>Narrow the results</legend>
      <label>
        Outlet
        <select value={params.outlet} onChange={(e) => change("outlet", e.target.value)}>
          <option value="">Any outlet</option>
          {outlets.map((o) => (
            <option key={o.slug} value={o.slug}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Topic
        <select value={params.topic} onChange={(e) => change("topic", e.target.value)}>
          <option value="">Any topic</option>
          {topics.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input type="date" value={params.from} onChange={(e) => change("from", e.target.value)} />
      </label>
      <label>
        To
        <input type="date" value={params.to} onChange={(e) => change("to", e.target.value)} />
      </label>
      {params.outlet && outlets.some((o) => o.slug === params.outlet) && (
        <Link href={`/outlet/${params.outlet}`}>About {outlets.find((o) => o.slug === params.outlet).name} →</Link>
      )}
      {params.topic && topics.some((t) => t.slug === params.topic) && <Link href={`/topic/${params.topic}`}>About {topics.find((t) => t.slug === params.topic).name} →</Link>}
      {FILTERS.slice(1).some((f) => params[f]) && (
        <button type="button" className="link-button" onClick={() => navigate(params.q ? `/search?q=${encodeURIComponent(params.q)}` : "/search")}>
          Clear the filters
        </button>
      )}
    </fieldset>
  );
}

/** One group of results: its heading with the count of all matches, the first ten, or why there are none. */
function Group({ id, title, connection, emptyText, note, children }) {
  const shown = (connection.nodes ?? connection.edges).length;
  return (
    <section className="group" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">{connection.totalCount.toLocaleString("en")}</span>
      </h2>
      {note && <p className="note">{note}</p>}
      {connection.totalCount === 0 ? <Empty>{emptyText}</Empty> : <ul className="results">{children}</ul>}
      {connection.totalCount > shown && (
        <p className="note">
          The first {shown} of {connection.totalCount.toLocaleString("en")}: add words or filters to narrow them.
        </p>
      )}
    </section>
  );
}

export function SearchPage() {
  const params = readParams(useSearch());
  const { data, error, loading, stale } = useOperation("ExplorerSearch", filtersOf(params));
  const described = params.q ? `“${params.q}”` : "the whole archive";

  if (error) return <Failure error={error} />;
  if (!data) return <Loading what="the results" />;
  const { people, statements, stories, articles } = data;
  const nothing = [people, statements, stories, articles].every((c) => c.totalCount === 0);

  return (
    <div className={stale || loading ? "stale" : ""} aria-busy={stale || loading}>
      <h1 id="page-title" tabIndex={-1}>
        {params.q ? <>Results for {described}</> : "Browse the archive"}
      </h1>
      <p className="lede" role="status">
        {count(people.totalCount, "person", "people")}, {count(statements.totalCount, "statement")}, {count(stories.totalCount, "story", "stories")} and{" "}
        {count(articles.totalCount, "article")} match {described}
        {params.outlet || params.topic || params.from || params.to ? " with these filters" : ""}.
      </p>
      {params.ignored.map(({ name, value }) => (
        <p key={name} className="state state-error" role="alert">
          The “{name === "from" ? "From" : "To"}” date in the address, “{value}”, is not a calendar day, so it is left out. Pick a day in the filter below.
        </p>
      ))}
      <Filters params={params} outlets={data.outlets} topics={data.topics} />
      {nothing && <Empty>Nothing matches. Try fewer words, another spelling, or clear the filters.</Empty>}
      <div className="groups">
        <Group
          id="people-heading"
          title="People"
          connection={people}
          emptyText="No one's name or spelling matches."
          note={params.topic ? "People are matched by name, outlet and dates; the topic filter does not apply to them." : "Most often named first."}
        >
          {people.edges.map(({ node, count: mentions }) => {
            const spelling = matchedSpelling(node, params.q);
            return (
              <li key={node.slug}>
                <Link href={`/person/${node.slug}`} className="result-title">
                  {node.name}
                </Link>
                {spelling && <span className="matched"> (spelled “{spelling}”)</span>}
                <p className="meta">
                  {/* MOST_MENTIONED's count: every time the name appears, within the dates when there are any. */}
                  {count(node.quoteCount, "quote")} · named {(mentions ?? 0) === 1 ? "once" : `${(mentions ?? 0).toLocaleString("en")} times`}
                  {params.from || params.to ? " in these dates" : ""}
                </p>
              </li>
            );
          })}
        </Group>
        <Group id="statements-heading" title="Statements" connection={statements} emptyText="No remark matches." note="Carried by the most outlets first.">
          {statements.nodes.map((s) => (
            <li key={s.id}>
              <Link href={`/statement/${encodeURIComponent(s.id)}`} className="result-title quote-text">
                “{s.text}”
              </Link>
              <p className="meta">
                <Link href={`/person/${s.speaker.slug}`}>{s.speaker.name}</Link> · carried by {count(s.outletCount, "outlet")} · first reported {formatDay(s.firstReportedOn)}
              </p>
            </li>
          ))}
        </Group>
        <Group id="stories-heading" title="Stories" connection={stories} emptyText="No story matches." note="Most recently updated first.">
          {stories.nodes.map((s) => (
            <li key={s.id}>
              <Link href={`/story/${encodeURIComponent(s.id)}`} className="result-title">
                {s.title}
              </Link>
              <p className="meta">
                {count(s.articleCount, "article")} · {formatDay(s.startedOn)}
                {s.lastUpdatedOn !== s.startedOn && ` to ${formatDay(s.lastUpdatedOn)}`}
              </p>
            </li>
          ))}
        </Group>
        <Group id="articles-heading" title="Articles" connection={articles} emptyText="No article matches." note="Newest first.">
          {articles.nodes.map((a) => (
            <ArticleItem key={a.id} article={a} />
          ))}
        </Group>
      </div>
    </div>
  );
}
