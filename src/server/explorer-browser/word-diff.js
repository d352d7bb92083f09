// How one outlet's rendering of a remark differs from the first report, word by word: what
// it left out (trimmed) and what it says instead (retranslated: "constructive" against
// "creative"). jsdiff's array diff over the words, case and punctuation ignored in the
// comparison.
import { diffArrays } from "diff";

const comparable = (word) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * The words of `text` and of `reference`, as a list of parts in reading order:
 * `{ kind: "same" | "added" | "removed", text }` ("added": in `text` only; "removed": in `reference` only).
 */
export function wordDiff(reference, text) {
  const a = reference.split(/\s+/).filter(Boolean);
  const b = text.split(/\s+/).filter(Boolean);
  // Words the same but for case or punctuation are given as `text` writes them.
  const changes = diffArrays(a, b, { comparator: (left, right) => comparable(left) === comparable(right) });
  const parts = changes.map((change) => ({ kind: change.added ? "added" : change.removed ? "removed" : "same", text: change.value.join(" ") }));
  return groupChanges(parts);
}

// Between two stretches of the same words, LCS alternates what it drops and adds word by
// word ("~~Sanctions have~~ Not ~~stopped~~ __vessel__"); read as one change, all that was
// left out then all that is said instead.
function groupChanges(parts) {
  const grouped = [];
  let removed = [];
  let added = [];
  const flush = () => {
    if (removed.length) grouped.push({ kind: "removed", text: removed.join(" ") });
    if (added.length) grouped.push({ kind: "added", text: added.join(" ") });
    removed = [];
    added = [];
  };
  for (const part of parts) {
    if (part.kind === "removed") removed.push(part.text);
    else if (part.kind === "added") added.push(part.text);
    else {
      flush();
      grouped.push(part);
    }
  }
  flush();
  return grouped;
}

/** True when `text` keeps every word of `reference` in order and adds none, but drops some: a trimmed quote. */
export function isTrimmed(parts) {
  return parts.some((p) => p.kind === "removed") && !parts.some((p) => p.kind === "added");
}
