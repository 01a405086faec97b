/**
 * Several instances on one PostgreSQL database share nothing but the database (issue 15): two real
 * server processes (test/support/instances.ts). The scheduled cleanup runs once when both start at
 * the same moment, and a session and its CSRF token made on one instance work on the other.
 * Rate limits across instances: src/features/accounts/limits-under-load.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Instances, startInstances } from '../../test/support/instances.js';
import { createUserWithPassword, Visitor } from '../../test/support/visitors.js';

describe.runIf(process.env.TEST_DATABASE_URL)('[postgres] two instances on one database', () => {
  let instances: Instances;
  beforeAll(async () => {
    // Debug, to read whether each instance ran the cleanup or found it done.
    instances = await startInstances(2, { LOG_LEVEL: 'debug' });
  }, 120_000);
  afterAll(async () => {
    await instances?.stop();
  }, 60_000);

  it('runs the cleanup once when both instances start at the same moment', async () => {
    const ran = /cleanup of expired sessions, links and rate-limit counters/;
    const foundDone = /run is done already/;
    // Both start together (startInstances) and each tries its first run right after listening.
    await vi.waitFor(
      () => {
        for (const server of instances.servers)
          expect(server.logs()).toMatch(new RegExp(`${ran.source}|${foundDone.source}`));
      },
      { timeout: 15_000, interval: 50 },
    );
    // (Both would run if their first tries fell either side of a clock hour: a few ms in an hour.)
    const runners = instances.servers.filter((server) => ran.test(server.logs()));
    expect(runners).toHaveLength(1);
    expect(instances.servers.filter((server) => foundDone.test(server.logs()))).toHaveLength(1);
  });

  it('a session made on one instance works on the other, and so does its CSRF token', async () => {
    const email = 'two-instances@example.org';
    await createUserWithPassword(instances.handle.db, { email, role: 'editor' });
    const onFirst = new Visitor(instances.appOf(0));
    const signIn = await onFirst.signIn(email);
    expect(signIn.statusCode).toBe(303);
    expect(onFirst.isSignedIn()).toBe(true);

    // The same browser, its next requests answered by the other instance.
    const onSecond = new Visitor(instances.appOf(1), onFirst.remoteAddress);
    onSecond.cookies = new Map(onFirst.cookies);
    const account = await onSecond.get('/en/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain(email);

    // A form served by the first instance, posted to the second: the CSRF token is the session's.
    const csrf = await onFirst.csrfFrom('/en/account');
    const signOut = await onSecond.request('POST', '/en/sign-out', { _csrf: csrf });
    expect(signOut.statusCode).toBe(303);
    // Signed out everywhere: the first instance no longer knows the session either.
    const after = await onFirst.get('/en/account');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toContain('/en/sign-in');
  });
});
