// graphql-js reports a bad literal argument ("orderBy: NEWEST", "publishedAfter:
// \"2025-13-01\"") as a validation failure and Apollo labels it GRAPHQL_VALIDATION_FAILED.
// For a client that is a bad argument like any other, so we give it BAD_USER_INPUT and
// name the argument, the same as when the value arrives in a variable.
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, visit, type ASTNode, type DocumentNode } from "graphql";

const VALUE_KINDS = new Set(["IntValue", "FloatValue", "StringValue", "BooleanValue", "NullValue", "EnumValue", "ListValue", "ObjectValue"]);

/** The dotted argument path of every value node in the document (`filter.publishedAfter`). */
function argumentPaths(document: DocumentNode): Map<ASTNode, string> {
  const paths = new Map<ASTNode, string>();
  const stack: string[] = [];
  visit(document, {
    Argument: { enter: (node) => void stack.push(node.name.value), leave: () => void stack.pop() },
    ObjectField: { enter: (node) => void stack.push(node.name.value), leave: () => void stack.pop() },
    enter(node) {
      if (stack.length && VALUE_KINDS.has(node.kind)) paths.set(node, stack.join("."));
    },
  });
  return paths;
}

export const badArgumentValuesPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async validationDidStart({ document }) {
        return async (errors?: readonly Error[]) => {
          if (!errors?.length) return;
          const paths = argumentPaths(document);
          for (const error of errors) {
            // Duck-typed, not instanceof: under a bundler graphql can load twice (ESM and CJS).
            const { nodes, extensions } = error as Partial<GraphQLError>;
            const argument = nodes?.map((n) => paths.get(n)).find(Boolean);
            // Apollo rewrites `code` afterwards but keeps the other extensions: mark it here,
            // and formatError turns the mark into the code.
            if (argument && extensions) (extensions as Record<string, unknown>).badArgument = argument;
          }
        };
      },
    };
  },
};
