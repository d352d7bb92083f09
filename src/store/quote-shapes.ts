// Word shapes of stored quotes, kept between articles. A quote is compared with its speaker's
// quotes of a year around it (verbatim echoes), so the quotes of a much-quoted speaker are
// candidates again and again: their shapes are kept (a quote's text never changes), the most
// recently used first, rather than made again from their texts. Bounded: ~2 KB a shape.
// Kept per writer connection (ids are an archive's). A rollback may take quotes whose ids
// then go to other quotes: after one the writer forgets them all (SqlWrites.afterRollback).
import { remarkShape, type RemarkShape } from "../link/remark-similarity.js";

export interface QuoteText {
  id: number;
  text: string;
}

export class QuoteShapes {
  private readonly kept = new Map<number, RemarkShape>();

  constructor(
    private readonly capacity: number,
    private readonly shape: (text: string) => RemarkShape = remarkShape,
  ) {}

  /** The shape of the stored quote `quote`: the one kept, or made from its text and kept. */
  shapeOf(quote: QuoteText): RemarkShape {
    let shape = this.kept.get(quote.id);
    if (shape === undefined) shape = this.shape(quote.text);
    else this.kept.delete(quote.id); // to the back: recently used
    this.kept.set(quote.id, shape);
    if (this.kept.size > this.capacity) this.kept.delete(this.kept.keys().next().value!);
    return shape;
  }
}
