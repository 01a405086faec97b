/**
 * The render cache across instances (issue 15): two server processes on one PostgreSQL database,
 * each keeping pages in its own memory, and a write made elsewhere is on the next request of both.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Instances, startInstances } from '../../test/support/instances.js';
import * as t from '../platform/db/schema/index.js';

describe.runIf(process.env.TEST_DATABASE_URL)('[postgres] render cache across two server processes', () => {
  let instances: Instances;
  beforeAll(async () => {
    instances = await startInstances(2);
    await instances.handle.db.insert(t.organizations).values({
      slug: 'shared-nothing',
      name: 'Shared Nothing Network',
      website: 'https://before.example.org',
    });
  }, 120_000);
  afterAll(async () => {
    await instances?.stop();
  }, 60_000);

  /** One GET to each server in turn (the instances' inject alternates between them). */
  const both = async (url: string) => [
    await instances.app.inject({ method: 'GET', url }),
    await instances.app.inject({ method: 'GET', url }),
  ];

  it('keeps pages on each instance, and shows a write on the next request of every instance', async () => {
    const url = '/en/organizations/shared-nothing';
    await both(url);
    const kept = await both(url);
    expect(kept.map((r) => r.headers['x-cache'])).toEqual(['HIT', 'HIT']);
    expect(kept[0]!.body).toContain('before.example.org');

    await instances.handle.db
      .update(t.organizations)
      .set({ website: 'https://after.example.org' })
      .where(eq(t.organizations.slug, 'shared-nothing'));
    const after = await both(url);
    for (const response of after) {
      expect(response.body).toContain('after.example.org');
      expect(response.body).not.toContain('before.example.org');
      expect(response.headers['x-cache']).toBe('MISS');
    }
    expect(after[1]!.headers.etag).toBe(after[0]!.headers.etag);
  });
});
