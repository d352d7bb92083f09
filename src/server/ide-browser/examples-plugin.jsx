// The "Example queries" pane of the sidebar. The examples themselves live in
// src/server/ide-examples.ts and reach the page through its config, so tests run the
// very queries an analyst opens here.
// @graphiql/react comes with graphiql (it is the package GraphiQL is built on); importing
// it from there keeps one copy, which its React context needs.
import { pick, useGraphiQL, useGraphiQLActions } from "@graphiql/react";

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 5.5A1.5 1.5 0 0 1 5.5 4H10l2 2h6.5A1.5 1.5 0 0 1 20 7.5v11a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 18.5z" />
      <path d="M8 11h8M8 14.5h5" strokeLinecap="round" />
    </svg>
  );
}

/** Opens an example in the current tab when that tab is empty, otherwise in a new one. */
function useOpenExample() {
  const { queryEditor, variableEditor } = useGraphiQL(pick("queryEditor", "variableEditor"));
  const { addTab, updateActiveTabValues, setOperationName } = useGraphiQLActions();
  return (example) => {
    if (queryEditor?.getValue().trim()) addTab();
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(example.variables);
    // GraphiQL reads an edit into the tab (its title, the operation to run, what history
    // records) 100 ms after typing stops; an example is not typing, so tell it at once.
    updateActiveTabValues({ query: example.query, variables: example.variables });
    if (example.operationName) setOperationName(example.operationName);
  };
}

function ExampleList({ examples }) {
  const openExample = useOpenExample();
  return (
    <section className="archive-examples" aria-label="Example queries">
      <div className="graphiql-doc-explorer-title">Example queries</div>
      <p className="archive-examples-hint">Opens the query and its variables in a tab; press ▶ to run it.</p>
      <ul>
        {examples.map((example) => (
          <li key={example.id}>
            <button type="button" className="archive-example" data-example={example.id} onClick={() => openExample(example)}>
              <span className="archive-example-title">{example.title}</span>
              <span className="archive-example-description">{example.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A GraphiQL plugin listing `examples` ({ id, title, description, query, variables }). */
export function examplesPlugin(examples) {
  return {
    title: "Example queries",
    icon: ExamplesIcon,
    content: () => <ExampleList examples={examples} />,
  };
}
