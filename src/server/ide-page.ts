import type { IdeExample } from "./ide-examples.js";

/** What the browser code (src/server/ide-browser/main.jsx) reads from #ide-config. */
export interface IdePageConfig {
  /** The GraphQL endpoint, a path on this origin. */
  endpoint: string;
  /** Monaco's worker scripts, paths on this origin. */
  workers: { editor: string; json: string; graphql: string };
  /** The served examples, each with the name of its operation, which the sidebar gives GraphiQL at once. */
  examples: (IdeExample & { operationName: string | null })[];
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The IDE's HTML: our script and stylesheet, the config as inert JSON, and no other URL. */
export function renderIdePage(page: { script: string; stylesheet: string; config: IdePageConfig }): string {
  // `<` escaped so no string in the config can close the script element.
  const config = JSON.stringify(page.config).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>news-archive · GraphQL IDE</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(page.stylesheet)}">
<script type="module" src="${escapeHtml(page.script)}"></script>
</head>
<body>
<div id="graphiql"><p style="font-family: sans-serif; padding: 1em">Loading the GraphQL IDE…</p></div>
<noscript>The GraphQL IDE needs JavaScript. The API itself answers POST ${escapeHtml(page.config.endpoint)}.</noscript>
<script type="application/json" id="ide-config">${config}</script>
</body>
</html>
`;
}
