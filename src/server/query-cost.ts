// The worst case of one operation, measured before it runs, in the style of GitHub's API
// limits: how many nodes it could return, how deep it nests, how many aliases it uses.
//
//   articles(first: 50) { edges { node { quotes(first: 10) { edges { node { text } } } } } }
//   costs 50 + 50 × 10 = 550 nodes.
//
// A connection (a field with a `first` argument) counts `first` ?? `last` ?? 20 nodes and
// multiplies everything under it by that number; its `edges` list is those same nodes.
// Any other list of objects counts ASSUMED_LIST_SIZE nodes and multiplies likewise. Page
// sizes count at most MAX_PAGE_SIZE: larger ones are refused by the resolvers, with an
// error that names the argument.
//
// Our own code: no library computes this measure. graphql-query-complexity adds up what an
// estimator written per field returns: GitHub's count (page sizes multiplying, a connection's
// edges and nodes counted once) would be this same walk written again as estimators.
import {
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../graphql/connections.js";

/** What a list without page arguments (`outlets`, `Article.people`) is assumed to hold. */
export const ASSUMED_LIST_SIZE = 20;

export interface OperationMeasure {
  /** Nodes the operation could return at most. */
  cost: number;
  /** Nesting of fields, root fields at 1; introspection fields do not count. */
  depth: number;
}

type Variables = Record<string, unknown> | undefined;

interface Measured {
  cost: number;
  depth: number;
}

// Types are read by shape, never with graphql's isListType/getNamedType: those check
// instanceof, and under Vitest the schema (Apollo's) and this file can load graphql from
// two different files (ESM and CJS).
function namedType(type: GraphQLOutputType): GraphQLNamedType {
  let t: unknown = type;
  while (t && typeof t === "object" && "ofType" in t && t.ofType) t = t.ofType;
  return t as GraphQLNamedType;
}
const isList = (type: GraphQLOutputType) => String(type).replace(/!$/, "").startsWith("[");
const hasFields = (type: GraphQLNamedType) => "getFields" in type || "getTypes" in type;

// Introspection nests `ofType` nine deep in the standard query, so it does not count
// toward depth; its lists still count toward cost, so an abusive one is still refused.
const isIntrospectionType = (type: GraphQLNamedType) => type.name.startsWith("__");

function fieldDefinition(parent: GraphQLNamedType, schema: GraphQLSchema, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === "__typename") return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType()) {
    if (name === "__schema") return SchemaMetaFieldDef;
    if (name === "__type") return TypeMetaFieldDef;
  }
  return "getFields" in parent ? (parent.getFields()[name] as GraphQLField<unknown, unknown> | undefined) : undefined;
}

function argumentValue(field: FieldNode, name: string, variables: Variables, defaults: Map<string, ValueNode>): unknown {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  const value = arg.value;
  if (value.kind === Kind.VARIABLE) {
    const given = variables?.[value.name.value];
    if (given !== undefined) return given;
    const fallback = defaults.get(value.name.value);
    return fallback?.kind === Kind.INT ? Number(fallback.value) : undefined;
  }
  return value.kind === Kind.INT ? Number(value.value) : undefined;
}

function pageSize(field: FieldNode, variables: Variables, defaults: Map<string, ValueNode>): number {
  const first = argumentValue(field, "first", variables, defaults);
  const last = argumentValue(field, "last", variables, defaults);
  const asked = typeof first === "number" ? first : typeof last === "number" ? last : DEFAULT_PAGE_SIZE;
  return Math.max(0, Math.min(MAX_PAGE_SIZE, Math.trunc(asked)));
}

/** Measures the operation `operation` of `document` with its `variables`. */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const defaults = new Map<string, ValueNode>();
  for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) defaults.set(v.variable.name.value, v.defaultValue);
  // A fragment costs the same wherever it is spread, scaled by the multiplier there: measuring
  // each once keeps a document that spreads fragments into fragments from taking exponential time.
  const fragmentMeasures = new Map<string, Measured>();

  function measureSelections(set: SelectionSetNode, parent: GraphQLNamedType): Measured {
    let cost = 0;
    let depth = 0;
    for (const selection of set.selections) {
      let inner: Measured;
      if (selection.kind === Kind.FIELD) {
        inner = measureField(selection, parent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        inner = type ? measureSelections(selection.selectionSet, type) : { cost: 0, depth: 0 };
      } else {
        inner = measureFragment(selection.name.value);
      }
      cost += inner.cost;
      depth = Math.max(depth, inner.depth);
    }
    return { cost, depth };
  }

  function measureFragment(name: string): Measured {
    const known = fragmentMeasures.get(name);
    if (known) return known;
    // Validation has refused fragment cycles; this guards the walk should it ever see one.
    fragmentMeasures.set(name, { cost: 0, depth: 0 });
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    const measured = fragment && type ? measureSelections(fragment.selectionSet, type) : { cost: 0, depth: 0 };
    fragmentMeasures.set(name, measured);
    return measured;
  }

  function measureField(field: FieldNode, parent: GraphQLNamedType): Measured {
    const definition = fieldDefinition(parent, schema, field.name.value);
    if (!definition) return { cost: 0, depth: 0 };
    const type = namedType(definition.type);
    const ownDepth = isIntrospectionType(parent) || field.name.value.startsWith("__") ? 0 : 1;
    let size = 1;
    let nodes = 0;
    if (definition.args.some((a) => a.name === "first")) {
      size = pageSize(field, variables, defaults);
      nodes = size;
    } else if (isList(definition.type) && hasFields(type) && !parent.name.endsWith("Connection")) {
      // The edges of a connection are the nodes the connection already counted; a list of
      // scalars (a person's aliases) is one value of its node, as a string is.
      size = ASSUMED_LIST_SIZE;
      nodes = size;
    }
    if (!field.selectionSet) return { cost: nodes, depth: ownDepth };
    const inner = measureSelections(field.selectionSet, type);
    return { cost: nodes + size * inner.cost, depth: ownDepth + inner.depth };
  }

  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, depth: 0 };
  return measureSelections(operation.selectionSet, root);
}

/** How many fields of the document carry an alias. */
export function countAliases(document: DocumentNode): number {
  let aliases = 0;
  const visit = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD && s.alias) aliases++;
      if (s.kind !== Kind.FRAGMENT_SPREAD) visit(s.selectionSet);
    }
  };
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) visit(d.selectionSet);
  }
  return aliases;
}
