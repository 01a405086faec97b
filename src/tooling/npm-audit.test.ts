import { describe, expect, it } from 'vitest';
import { auditMessage, readAudit } from './npm-audit.js';

const report = (vulnerabilities: Record<string, number>) => JSON.stringify({ metadata: { vulnerabilities } });

describe('npm run audit:prod reads npm audit --json', () => {
  it('passes only when there is a report without high or critical advisories', () => {
    const clean = readAudit({ code: 0, stdout: report({ low: 2, moderate: 1, high: 0, critical: 0 }), stderr: '' });
    expect(clean.kind).toBe('clean');
    expect(auditMessage(clean)).toContain('no high or critical advisories (0 critical, 0 high, 1 moderate, 2 low');
    expect(readAudit({ code: 1, stdout: report({ high: 1 }), stderr: '' }).kind).toBe('vulnerable');
    expect(readAudit({ code: 1, stdout: report({ critical: 1 }), stderr: '' }).kind).toBe('vulnerable');
  });

  it('fails loudly when the advisory endpoint does not answer (the 405 of a registry mirror)', () => {
    // What `npm audit --omit=dev --json` printed on the build machine (27 Nov 2026), shortened.
    const stdout = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    });
    const verdict = readAudit({ code: 1, stdout, stderr: 'npm error audit endpoint returned an error' });
    expect(verdict).toEqual({ kind: 'unavailable', reason: expect.stringContaining('405 Method Not Allowed') });
    expect(auditMessage(verdict)).toMatch(/This is NOT a pass/);
    expect(readAudit({ code: 1, stdout: '', stderr: 'npm error network ENOTFOUND\n' })).toEqual({
      kind: 'unavailable',
      reason: 'npm error network ENOTFOUND',
    });
  });
});
