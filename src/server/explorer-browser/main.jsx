// The analysts' explorer: who said what, where and when, on the archive's public GraphQL
// API. Each view has its own URL under /explore (wouter routes them in the browser), so a
// view can be shared and reloaded; the server answers every such URL with the same page.
import { useEffect, useRef } from "react";
import { createRoot } from "react-dom/client";
import { Link, Route, Router, Switch, useLocation, useSearch } from "wouter";
import { explorerBase } from "./graphql-client.js";
import { OutletPage, TopicPage } from "./pages/coverage-page.jsx";
import { PersonPage } from "./pages/person-page.jsx";
import { SearchPage } from "./pages/search-page.jsx";
import { StatementPage } from "./pages/statement-page.jsx";
import { StoryPage } from "./pages/story-page.jsx";
import { NotFound } from "./states.jsx";
import "./explorer.css";

/** The header's search box: a form that goes to the search view with its words in the URL. */
function SearchBox() {
  const [, navigate] = useLocation();
  const q = new URLSearchParams(useSearch()).get("q") ?? "";
  return (
    <form
      role="search"
      className="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        const words = new FormData(event.currentTarget).get("q").trim();
        navigate(words ? `/search?q=${encodeURIComponent(words)}` : "/search");
      }}
    >
      <label htmlFor="search-words">Search people, statements, stories and articles</label>
      <div className="search-row">
        <input id="search-words" name="q" type="search" maxLength={500} defaultValue={q} key={q} placeholder="Zelenskiy, sanctions, “Northern Sea Route”" />
        <button type="submit">Search</button>
      </div>
    </form>
  );
}

/** Moves focus to the new view's heading after navigation, so a screen reader announces it. */
function FocusOnNavigation() {
  const [location] = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const focusHeading = () => document.getElementById("page-title")?.focus();
    // The heading appears once the view's data has loaded.
    const timer = setInterval(() => {
      if (document.getElementById("page-title")) {
        focusHeading();
        clearInterval(timer);
      }
    }, 50);
    return () => clearInterval(timer);
  }, [location]);
  return null;
}

function App() {
  return (
    <Router base={explorerBase}>
      <a className="skip-link" href="#main">
        Skip to the content
      </a>
      <header className="site-header">
        <p className="site-name">
          <Link href="/">news-archive · Explorer</Link>
        </p>
        <SearchBox />
        <nav aria-label="Elsewhere">
          <a href="/">GraphQL IDE</a>
        </nav>
      </header>
      <FocusOnNavigation />
      <main id="main">
        <Switch>
          <Route path="/" component={SearchPage} />
          <Route path="/search" component={SearchPage} />
          <Route path="/person/:slug" component={PersonPage} />
          <Route path="/statement/:id" component={StatementPage} />
          <Route path="/story/:id" component={StoryPage} />
          <Route path="/outlet/:slug" component={OutletPage} />
          <Route path="/topic/:slug" component={TopicPage} />
          <Route>
            <NotFound what="page">
              The explorer has no view at this address. <Link href="/search">Search the archive</Link>.
            </NotFound>
          </Route>
        </Switch>
      </main>
    </Router>
  );
}

createRoot(document.getElementById("explorer")).render(<App />);
