// Relay Object Identification: a global ID names the type and the row, and is opaque so
// clients never build one by hand (they may change shape without notice).

export type NodeType = "Article" | "Quote" | "Person" | "Organisation" | "Outlet" | "Topic" | "Statement" | "Story";
const NODE_TYPES: ReadonlySet<string> = new Set<NodeType>(["Article", "Quote", "Person", "Organisation", "Outlet", "Topic", "Statement", "Story"]);

export function toGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`).toString("base64url");
}

/** The type and row id inside a global ID, or null when it is not one of ours. */
export function fromGlobalId(globalId: string): { type: NodeType; id: number } | null {
  const m = /^([A-Za-z]+):(\d{1,15})$/.exec(Buffer.from(globalId, "base64url").toString("utf8"));
  if (!m || !NODE_TYPES.has(m[1])) return null;
  return { type: m[1] as NodeType, id: Number(m[2]) };
}
