/**
 * GraphiQL's fetcher: POSTs the operation to the archive's own endpoint and hands back the
 * JSON body whatever the HTTP status, so errors (a 400 for a bad argument) show in the
 * result pane as the server wrote them.
 * @param {string} endpoint absolute URL of /graphql on this origin
 */
export function graphqlFetcher(endpoint) {
  return async (params, options) => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...options?.headers,
      },
      body: JSON.stringify(params),
    });
    return response.json();
  };
}
