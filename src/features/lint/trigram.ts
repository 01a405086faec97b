/**
 * pg_trgm's similarity() in JavaScript (same word split, padding and set arithmetic), so the linter can
 * compare names without a database round trip per pair, with the importer's threshold.
 */
const squashKey = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘]/g, "'");

/** Names repeat across a lint (registry names above all); a small cache avoids rebuilding their sets. */
const cache = new Map<string, Set<string>>();

function trigrams(text: string): Set<string> {
  const hit = cache.get(text);
  if (hit) return hit;
  const out = computeTrigrams(text);
  if (cache.size > 5000) cache.clear();
  cache.set(text, out);
  return out;
}

function computeTrigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of squashKey(text).split(/[^\p{L}\p{N}]+/u)) {
    if (word === '') continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

export function similarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Lower case, no accents, letters and digits only: "Pop No’j Association" → "popnojassociation". */
export function squash(text: string): string {
  return squashKey(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions): flasco ↔ flacso is 1. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        ((d[i - 1] as number[])[j] as number) + 1,
        (row[j - 1] as number) + 1,
        ((d[i - 1] as number[])[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}
