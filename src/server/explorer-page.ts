/** What the browser code (src/server/explorer-browser/main.jsx) reads from #explorer-config. */
export interface ExplorerPageConfig {
  /** The GraphQL endpoint, a path on this origin. */
  endpoint: string;
  /** Where the explorer's pages live: every URL under it is one of its views. */
  base: string;
  /** The sha256 of each operation the bundle sends, by operation name. */
  operations: Record<string, string>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The explorer's HTML: our script and stylesheet, the config as inert JSON, and no other URL. */
export function renderExplorerPage(page: { script: string; stylesheet: string; preload: string[]; config: ExplorerPageConfig }): string {
  // `<` escaped so no string in the config can close the script element.
  const config = JSON.stringify(page.config).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>news-archive · Explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(page.stylesheet)}">
<script type="module" src="${escapeHtml(page.script)}"></script>
${page.preload.map((chunk) => `<link rel="modulepreload" href="${escapeHtml(chunk)}">\n`).join("")}</head>
<body>
<div id="explorer"><p class="boot" role="status">Loading the explorer…</p></div>
<noscript>The explorer needs JavaScript. The archive's API answers POST ${escapeHtml(page.config.endpoint)}, and its IDE is at /.</noscript>
<script type="application/json" id="explorer-config">${config}</script>
</body>
</html>
`;
}
