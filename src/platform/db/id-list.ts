/**
 * A growing list of row ids, 4 bytes an id in a typed array outside the JS heap: what a bulk load created, kept
 * from its first chunk to the end of its catch-up (bulk-write.ts's `CreatedRows`). A `number[]` of 250,000 ids is
 * 8 bytes an id inside the JS heap, plus up to half again of slack as it grows, and V8 lets its heap grow to a
 * multiple of what is live before it collects: each live byte there counted several times at an import's peak
 * (issue 17).
 */
const MAX_ID = 2 ** 31 - 1;

export class IdList implements Iterable<number> {
  #ids = new Int32Array(1024);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  /** Appends `ids`, all or none: ids are `integer` columns (serial, positive), anything else is refused, not truncated. */
  push(...ids: number[]): void {
    const wrong = ids.find((id) => !Number.isInteger(id) || id < 1 || id > MAX_ID);
    if (wrong !== undefined) throw new Error(`IdList: an id is a whole number from 1 to ${MAX_ID}, not ${wrong}`);
    for (const id of ids) {
      if (this.#length === this.#ids.length) {
        const grown = new Int32Array(this.#ids.length * 2);
        grown.set(this.#ids);
        this.#ids = grown;
      }
      this.#ids[this.#length++] = id;
    }
  }

  /** The ids in the order pushed, as a view of the list (no copy): valid until the next push. */
  view(): Int32Array {
    return this.#ids.subarray(0, this.#length);
  }

  [Symbol.iterator](): Iterator<number> {
    return this.view()[Symbol.iterator]();
  }
}
