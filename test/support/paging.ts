/** Walking a keyset-paged public list the way a reader does: by its Next and Previous links (ui/pager.tsx). */
import { expect } from 'vitest';
import type { FastifyTypeBox } from '../../src/platform/web/fastify-typebox.js';
import { getPage } from './app.js';

export interface Walk {
  /** Every page's items, in page order. */
  pages: string[][];
  /** Every page's size in bytes. */
  bytes: number[];
  /** The pages' addresses, first to last. */
  urls: string[];
}

/**
 * Follows `rel="next"` from `url` to the last page, collecting what `item` selects on each (the `attr`
 * attribute, or the text), then walks back by `rel="prev"` and checks the same pages come back: the
 * first page has no Previous, the last no Next, and each page is what its neighbour's link promised.
 * `pager` scopes the links when a page has more than one paged list.
 */
export async function walkPages(
  app: FastifyTypeBox,
  url: string,
  options: { item: string; attr?: string; pager?: string; maxPages?: number },
): Promise<Walk> {
  const pager = options.pager ?? 'nav.pager';
  const read = async (address: string) => {
    const page = await getPage(app, address);
    expect(page.status, address).toBe(200);
    const items = page
      .$(options.item)
      .toArray()
      .map((el) => (options.attr ? (page.$(el).attr(options.attr) ?? '') : page.$(el).text().trim()));
    const link = (rel: string) => page.$(`${pager} a[rel="${rel}"]`).attr('href');
    return { items, next: link('next'), previous: link('prev'), bytes: page.response.rawPayload.length };
  };
  const walk: Walk = { pages: [], bytes: [], urls: [] };
  let address: string | undefined = url;
  let previousOfFirst: string | undefined;
  while (address) {
    expect(walk.pages.length, `more pages than expected from ${url}`).toBeLessThan(options.maxPages ?? 50);
    const page = await read(address);
    if (walk.pages.length === 0) previousOfFirst = page.previous;
    walk.pages.push(page.items);
    walk.bytes.push(page.bytes);
    walk.urls.push(address);
    address = page.next;
  }
  expect(previousOfFirst, `the first page of ${url} has no Previous`).toBeUndefined();
  // Back from the last page: each Previous link shows the page before it, and the first has none.
  let back = await read(walk.urls.at(-1)!);
  for (let i = walk.pages.length - 2; i >= 0; i--) {
    expect(back.previous, `Previous from page ${i + 2} of ${url}`).toBeDefined();
    back = await read(back.previous!);
    expect(back.items, `page ${i + 1} of ${url}, reached by Previous`).toEqual(walk.pages[i]);
  }
  expect(back.previous).toBeUndefined();
  return walk;
}

/** Every item of a walk once, in order. */
export function allItems(walk: Walk): string[] {
  return walk.pages.flat();
}
