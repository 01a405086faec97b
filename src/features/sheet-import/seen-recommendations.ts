/**
 * The recommendations an import pass has met so far, by statement slug and recommendation slug: per
 * recommendation its id, whether it was in the database already, the row that introduced it and the digest of
 * its checked columns (to catch two rows of one recommendation that disagree).
 *
 * It is the pass's one structure that grows with the file (250,000 entries), and V8 lets its heap grow to a
 * multiple of what is live before it collects, so each byte kept here costs several at the import's peak. So
 * the values are not objects nor strings but columns of typed arrays (outside the JS heap, 33 bytes an entry),
 * found through one map per statement from the recommendation's slug (the file's own short string) to its index.
 * Before: one map from "statement slug NUL recommendation slug" to "id existed row digest", two strings of
 * ~70 bytes an entry. Heap snapshots at the end of a 50,000-row pass: 4.4 MB less live JS heap, for 2 MB of
 * typed arrays outside it (~22 MB less heap at 250,000 rows).
 */
import type { ParsedRow } from './validate-row.js';

/** A recommendation met earlier in the file. */
export interface RecommendationSeen {
  id: number;
  existed: boolean;
  row: number;
  /** Four base64 characters per checked column (import-state.ts's recommendationDigest), in one string. */
  digest: string;
}

/** recommendationDigest's 32 base64 characters are these bytes. */
const DIGEST_BYTES = 24;

export class SeenRecommendations {
  readonly #byStatement = new Map<string, Map<string, number>>();
  #count = 0;
  #ids = new Int32Array(1024);
  #rows = new Int32Array(1024);
  #existed = new Uint8Array(1024);
  #digests = new Uint8Array(1024 * DIGEST_BYTES);

  get size(): number {
    return this.#count;
  }

  has(p: ParsedRow): boolean {
    return this.#indexOf(p) !== undefined;
  }

  get(p: ParsedRow): RecommendationSeen | undefined {
    const k = this.#indexOf(p);
    if (k === undefined) return undefined;
    return {
      id: this.#ids[k]!,
      existed: this.#existed[k] === 1,
      row: this.#rows[k]!,
      digest: Buffer.from(this.#digests.buffer, k * DIGEST_BYTES, DIGEST_BYTES).toString('base64'),
    };
  }

  /** Remembers `p`'s recommendation (the first time it is met; it is never met twice). */
  remember(p: ParsedRow, seen: RecommendationSeen): void {
    const digest = Buffer.from(seen.digest, 'base64');
    if (digest.length !== DIGEST_BYTES) {
      throw new Error(`SeenRecommendations: a digest is ${DIGEST_BYTES} bytes in base64, not "${seen.digest}"`);
    }
    const k = this.#count++;
    if (k === this.#ids.length) this.#grow();
    this.#ids[k] = seen.id;
    this.#rows[k] = seen.row;
    this.#existed[k] = seen.existed ? 1 : 0;
    this.#digests.set(digest, k * DIGEST_BYTES);
    let inStatement = this.#byStatement.get(p.statement.slug);
    if (!inStatement) {
      inStatement = new Map();
      this.#byStatement.set(p.statement.slug, inStatement);
    }
    inStatement.set(p.recommendation.slug, k);
  }

  #indexOf(p: ParsedRow): number | undefined {
    return this.#byStatement.get(p.statement.slug)?.get(p.recommendation.slug);
  }

  #grow(): void {
    const size = this.#ids.length * 2;
    const grown = <A extends Int32Array | Uint8Array>(from: A, make: (n: number) => A, n: number): A => {
      const to = make(n);
      to.set(from);
      return to;
    };
    this.#ids = grown(this.#ids, (n) => new Int32Array(n), size);
    this.#rows = grown(this.#rows, (n) => new Int32Array(n), size);
    this.#existed = grown(this.#existed, (n) => new Uint8Array(n), size);
    this.#digests = grown(this.#digests, (n) => new Uint8Array(n), size * DIGEST_BYTES);
  }
}
