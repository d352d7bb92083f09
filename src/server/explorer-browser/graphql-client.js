// The explorer's only way to the archive: the public /graphql, as any front end would use it,
// with automatic persisted queries. A GET carrying the operation's hash (cacheable by a
// proxy); when the server answers PERSISTED_QUERY_NOT_FOUND (it restarted with another
// bundle), a POST with the text as well, as the protocol says.
import { useEffect, useState } from "react";
import { OPERATIONS } from "./operations.js";

const config = JSON.parse(document.getElementById("explorer-config").textContent);

/** An error the page can show: what failed, in words for the reader. */
export class ArchiveError extends Error {}

async function send(request) {
  let response;
  try {
    response = await request();
  } catch {
    throw new ArchiveError("The archive did not answer. Check that the server is running, then reload.");
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ArchiveError(`The archive answered HTTP ${response.status} without a GraphQL response.`);
  }
  return body;
}

/** Runs the named operation of operations.js with `variables`; resolves to its data or throws an ArchiveError. */
export async function runOperation(name, variables) {
  const query = OPERATIONS[name];
  const sha256Hash = config.operations[name];
  if (!query || !sha256Hash) throw new ArchiveError(`The explorer has no operation ${name}: rebuild it (npm run build:explorer).`);
  const extensions = { persistedQuery: { version: 1, sha256Hash } };
  const params = new URLSearchParams({ operationName: name, variables: JSON.stringify(variables), extensions: JSON.stringify(extensions) });
  // Apollo's CSRF rule wants a header a form could not send on a GET.
  const headers = { accept: "application/graphql-response+json, application/json", "apollo-require-preflight": "true" };
  let body = await send(() => fetch(`${config.endpoint}?${params}`, { headers }));
  if (body.errors?.some((e) => e.extensions?.code === "PERSISTED_QUERY_NOT_FOUND")) {
    body = await send(() =>
      fetch(config.endpoint, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ operationName: name, query, variables, extensions }),
      }),
    );
  }
  if (body.errors?.length) {
    const [first] = body.errors;
    // BAD_USER_INPUT messages are written for the reader (a date out of range); others are not.
    throw new ArchiveError(first.extensions?.code === "BAD_USER_INPUT" ? first.message : `The archive could not answer: ${first.message}`);
  }
  return body.data;
}

/** `{ data, error, loading }` of an operation, run again whenever `variables` change (compared as JSON). */
export function useOperation(name, variables) {
  const key = JSON.stringify(variables);
  const [state, setState] = useState({ data: null, error: null, loading: true, key: null });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    runOperation(name, JSON.parse(key)).then(
      (data) => current && setState({ data, error: null, loading: false, key }),
      (error) => current && setState({ data: null, error, loading: false, key }),
    );
    return () => {
      current = false;
    };
  }, [name, key]);
  // Data of the previous variables stays on screen, dimmed, while the next arrives.
  return { ...state, stale: state.key !== key };
}

export const explorerBase = config.base;
