// Writes never go through the public endpoint: the schema has no Mutation or Subscription
// type, and the archive is written by `npm run ingest` alone. graphql-js 16 does not refuse
// a mutation against a schema without one until execution, where it looks like a failure of
// ours (HTTP 200, INTERNAL_SERVER_ERROR); this rule refuses it during validation, so the
// client gets GRAPHQL_VALIDATION_FAILED with HTTP 400, over POST and GET alike.
import { GraphQLError, type ASTVisitor, type ValidationContext } from "graphql";

export function queriesOnlyRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      if (schema.getRootType(node.operation)) return;
      context.reportError(
        new GraphQLError(
          `This API answers queries only: it has no ${node.operation} type. The archive is written by the ingest command line (npm run ingest), never through the API.`,
          { nodes: node },
        ),
      );
    },
  };
}
