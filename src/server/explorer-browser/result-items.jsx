// A statement or an article as one item of a result list, the same on every view that lists them.
import { Link } from "wouter";
import { count, formatDay } from "./format.js";

/** A remark: its words linking to its page, then who said it and how many outlets carried it. */
export function StatementItem({ statement: s }) {
  return (
    <li>
      <Link href={`/statement/${encodeURIComponent(s.id)}`} className="result-title quote-text">
        “{s.text}”
      </Link>
      <p className="meta">
        <Link href={`/person/${s.speaker.slug}`}>{s.speaker.name}</Link> · {count(s.outletCount, "outlet")}
      </p>
    </li>
  );
}

/** An article: its headline (linking to its story when it has one), outlet, day and the original. */
export function ArticleItem({ article: a }) {
  const headline = a.headline ?? "(no headline)";
  return (
    <li>
      {a.story ? (
        <Link href={`/story/${encodeURIComponent(a.story.id)}`} className="result-title">
          {headline}
        </Link>
      ) : (
        <span className="result-title">{headline}</span>
      )}
      <p className="meta">
        {a.outlet ? <Link href={`/outlet/${a.outlet.slug}`}>{a.outlet.name}</Link> : "Unknown outlet"} · {formatDay(a.publishedOn)}
        {a.url && (
          <>
            {" · "}
            <a href={a.url} rel="noreferrer noopener" target="_blank">
              original<span className="visually-hidden"> of “{a.headline}” (opens the outlet's site)</span>
            </a>
          </>
        )}
      </p>
    </li>
  );
}
