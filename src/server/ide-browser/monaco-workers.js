// Monaco runs its language services in web workers. GraphiQL's own setup-workers modules
// either need a bundler feature esbuild lacks (`?worker`) or load the workers from
// esm.sh; the archive builds them into its own bundle (scripts/build-ide.ts) and the page
// names their URLs, so the editor never reaches for another host.

/**
 * Tells Monaco where its workers are.
 * @param {{ editor: string, json: string, graphql: string }} workerUrls same-origin URLs from the page config
 */
export function setupMonacoWorkers(workerUrls) {
  globalThis.MonacoEnvironment = {
    getWorker(_workerId, label) {
      const url = label === "json" ? workerUrls.json : label === "graphql" ? workerUrls.graphql : workerUrls.editor;
      return new Worker(url, { name: label });
    },
  };
}
