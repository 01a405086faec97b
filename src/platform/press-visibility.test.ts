/** The press channel's rule (`releaseMaySendTo`): nobody but trusted contacts before the lift, nobody for a draft or withdrawn release. */
import { describe, expect, it } from 'vitest';
import { releaseMaySendTo } from './visibility.js';

const LIFT = new Date('2026-06-01T12:00:00Z');
const BEFORE = new Date('2026-06-01T11:58:00Z');
const trusted = { trusted: true };
const anyone = { trusted: false };
const embargoed = { status: 'published' as const, embargoedUntil: LIFT, withdrawnAt: null };

describe('releaseMaySendTo', () => {
  it('before the lift: trusted contacts only', () => {
    expect(releaseMaySendTo(embargoed, null, BEFORE, trusted)).toBe(true);
    expect(releaseMaySendTo(embargoed, null, BEFORE, anyone)).toBe(false);
  });

  it('at and after the lift: anyone', () => {
    expect(releaseMaySendTo(embargoed, null, LIFT, anyone)).toBe(true);
    expect(releaseMaySendTo({ ...embargoed, embargoedUntil: null }, null, BEFORE, anyone)).toBe(true);
  });

  it('a draft or withdrawn release: no one, trusted or not', () => {
    const draft = { ...embargoed, status: 'draft' as const };
    const withdrawn = { ...embargoed, embargoedUntil: null, withdrawnAt: BEFORE };
    for (const release of [draft, withdrawn]) {
      expect(releaseMaySendTo(release, null, LIFT, trusted)).toBe(false);
      expect(releaseMaySendTo(release, null, LIFT, anyone)).toBe(false);
    }
  });

  it('a release is never sent wider than its statement: a statement still embargoed keeps it to trusted contacts', () => {
    const lifted = { ...embargoed, embargoedUntil: null };
    const statement = {
      status: 'published' as const,
      embargoUntil: new Date('2026-06-02T00:00:00Z'),
      withdrawnAt: null,
    };
    expect(releaseMaySendTo(lifted, statement, LIFT, anyone)).toBe(false);
    expect(releaseMaySendTo(lifted, statement, LIFT, trusted)).toBe(true);
  });
});
