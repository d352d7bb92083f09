// The archive's loading, empty and error states, the same on every page.
import { Link } from "wouter";

/** Announced to screen readers, shown while a page's first answer is on its way. */
export function Loading({ what }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

/** Nothing to show, and what to do about it. */
export function Empty({ children }) {
  return <p className="state state-empty">{children}</p>;
}

/** A failed request, in the words of graphql-client.js's ArchiveError, with a way to try again. */
export function Failure({ error }) {
  return (
    <div className="state state-error" role="alert">
      <h1 id="page-title" tabIndex={-1}>
        Could not load this page
      </h1>
      <p>{error.message}</p>
      <p className="actions">
        <button type="button" onClick={() => window.location.reload()}>
          Try again
        </button>{" "}
        or <Link href="/search">start a new search</Link>.
      </p>
    </div>
  );
}

/** The page for a URL the explorer has no view for, or an id the archive does not hold. */
export function NotFound({ what, children }) {
  return (
    <section className="state state-empty" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        No {what} here
      </h1>
      <p>{children}</p>
    </section>
  );
}
