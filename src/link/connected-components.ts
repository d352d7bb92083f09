// Grouping by a pairwise relation: the groups are the connected components of the
// "same as" graph. Components do not depend on the order in which links are found,
// which is what lets the store link one article at a time and still end up with the
// groups a batch run would give.

/** Union-find over string ids, with path halving and union by size. */
export class DisjointSets {
  private readonly parent = new Map<string, string>();
  private readonly size = new Map<string, number>();

  add(id: string): void {
    if (!this.parent.has(id)) {
      this.parent.set(id, id);
      this.size.set(id, 1);
    }
  }

  find(id: string): string {
    this.add(id);
    let x = id;
    for (;;) {
      const p = this.parent.get(x)!;
      if (p === x) return x;
      const grand = this.parent.get(p)!;
      this.parent.set(x, grand); // path halving
      x = grand;
    }
  }

  union(a: string, b: string): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size.get(ra)! < this.size.get(rb)!) [ra, rb] = [rb, ra];
    this.parent.set(rb, ra);
    this.size.set(ra, this.size.get(ra)! + this.size.get(rb)!);
  }

  /**
   * Every component as a sorted list of ids, the lists ordered by their first id, so
   * the result is the same whatever order ids and links were added in.
   */
  groups(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const id of this.parent.keys()) {
      const root = this.find(id);
      const members = byRoot.get(root);
      if (members) members.push(id);
      else byRoot.set(root, [id]);
    }
    const groups = [...byRoot.values()].map((g) => g.sort(compareIds));
    return groups.sort((a, b) => compareIds(a[0], b[0]));
  }
}

/** Plain code-unit order: locale-independent, so every machine sorts ids alike. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
