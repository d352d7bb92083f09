// Word shapes of stored quotes, kept between articles. A quote is compared with its speaker's
// quotes of a year around it (verbatim echoes), so the quotes of a much-quoted speaker are
// candidates again and again: their shapes are kept (a quote's text never changes), the most
// recently used first, and their texts are read only when not kept. Bounded: ~2 KB a shape.
// Kept per writer connection (ids are an archive's). Only stored quotes are shaped here: an
// article's own quotes are linked before they are stored, so a file that fails (its quotes'
// ids then going to the next file's quotes) has left none of them behind.
import { remarkShape, type RemarkShape } from "../link/remark-similarity.js";

export interface QuoteText {
  id: number;
  text: string;
}

export class QuoteShapes {
  private readonly kept = new Map<number, RemarkShape>();

  constructor(private readonly capacity: number) {}

  /**
   * The shapes of `ids`, one article's candidates: those kept now, and the others shaped from
   * what `read` returns for them when first asked (read now; most candidates of a much-repeated
   * remark are never compared, as one match joins its statement). A shape kept when the
   * article began stays its own until the article is done, however many new shapes push it
   * out of the cache meanwhile: a candidate evicted before its turn failed its article
   * (426 of 201,722 files at 800,000 articles).
   */
  async forArticle(ids: readonly number[], read: (missing: number[]) => Promise<QuoteText[]>): Promise<(id: number) => RemarkShape> {
    const known = new Map<number, RemarkShape>();
    const missing: number[] = [];
    for (const id of ids) {
      const shape = this.kept.get(id);
      if (shape === undefined) missing.push(id);
      else known.set(id, shape);
    }
    const unshaped = new Map((missing.length ? await read(missing) : []).map((row) => [row.id, row]));
    return (id) => {
      let shape = known.get(id);
      if (shape === undefined) {
        const row = unshaped.get(id);
        if (!row) throw new Error(`quote ${id} is not among the candidates read for this article`);
        shape = remarkShape(row.text);
        known.set(id, shape);
      }
      this.kept.delete(id); // to the back: recently used
      this.kept.set(id, shape);
      if (this.kept.size > this.capacity) this.kept.delete(this.kept.keys().next().value!);
      return shape;
    };
  }
}
