// The analysts' IDE: GraphiQL on the archive's own /graphql, bundled by
// scripts/build-ide.ts into dist/ide/ and served by src/server/ide.ts. Everything the page
// needs (script, styles, fonts, Monaco's workers) comes from this origin; the server puts
// the endpoint, the worker URLs and the example queries in the page's #ide-config.
import { GraphiQL, HISTORY_PLUGIN } from "graphiql";
import "graphiql/style.css";
import { createRoot } from "react-dom/client";
import { examplesPlugin } from "./examples-plugin.jsx";
import { graphqlFetcher } from "./fetch-graphql.js";
import "./ide.css";
import { setupMonacoWorkers } from "./monaco-workers.js";

const config = JSON.parse(document.getElementById("ide-config").textContent);
setupMonacoWorkers(config.workers);

const examples = examplesPlugin(config.examples);

// On a first visit (nothing in GraphiQL's local storage yet) the examples open as tabs;
// after that GraphiQL restores the analyst's own tabs, history and variables, and the
// examples stay one click away in the sidebar. GraphiQL fills the first default tab's query
// editor but not its variables editor, hence initialVariables, on that first visit only.
const firstVisit = localStorage.getItem("graphiql:tabState") === null;

createRoot(document.getElementById("graphiql")).render(
  <GraphiQL
    fetcher={graphqlFetcher(new URL(config.endpoint, location.href).href)}
    defaultTabs={config.examples.map(({ query, variables }) => ({ query, variables }))}
    initialVariables={firstVisit ? config.examples[0]?.variables : undefined}
    plugins={[HISTORY_PLUGIN, examples]}
    defaultEditorToolsVisibility="variables"
  >
    <GraphiQL.Logo>
      <span className="archive-logo">news-archive</span>
    </GraphiQL.Logo>
  </GraphiQL>,
);
