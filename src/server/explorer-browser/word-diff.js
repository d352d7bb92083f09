// How one outlet's rendering of a remark differs from the first report, word by word: what
// it left out (trimmed) and what it says instead (retranslated: "constructive" against
// "creative"). A longest common subsequence over words, case and punctuation ignored in the
// comparison; remarks are a sentence or two, so the quadratic table is small. No diff
// package is installed in this project (see the README's explorer section).

const comparable = (word) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * The words of `text` and of `reference`, as a list of parts in reading order:
 * `{ kind: "same" | "added" | "removed", text }` ("added": in `text` only; "removed": in `reference` only).
 */
export function wordDiff(reference, text) {
  const a = reference.split(/\s+/).filter(Boolean);
  const b = text.split(/\s+/).filter(Boolean);
  const ka = a.map(comparable);
  const kb = b.map(comparable);
  // lengths[i][j]: the longest common subsequence of a[i:] and b[j:].
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i][j] = ka[i] === kb[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const parts = [];
  const push = (kind, word) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += ` ${word}`;
    else parts.push({ kind, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && ka[i] === kb[j]) {
      push("same", b[j]);
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lengths[i][j + 1] >= lengths[i + 1][j])) {
      push("added", b[j++]);
    } else {
      push("removed", a[i++]);
    }
  }
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
