/**
 * Reading `npm audit --json` for `npm run audit:prod`: a clean pass, high/critical advisories
 * (fail), or no answer from the registry's advisory endpoint, which must fail loudly rather than
 * look like a pass (some mirrors answer the bulk-advisory POST with 405).
 */
export type AuditVerdict =
  | { kind: 'clean'; counts: Record<string, number> }
  | { kind: 'vulnerable'; counts: Record<string, number> }
  | { kind: 'unavailable'; reason: string };

export function readAudit(result: { code: number | null; stdout: string; stderr: string }): AuditVerdict {
  let report: Record<string, unknown> | null = null;
  try {
    report = JSON.parse(result.stdout) as Record<string, unknown>;
  } catch {
    report = null;
  }
  const counts = (report?.metadata as { vulnerabilities?: Record<string, number> } | undefined)?.vulnerabilities;
  if (!report || !counts) {
    const reason =
      (typeof report?.message === 'string' && report.message) ||
      (report?.error as { summary?: string } | undefined)?.summary ||
      result.stderr
        .trim()
        .split('\n')
        .find((line) => line.trim()) ||
      `npm audit exited with ${result.code} and no report`;
    return { kind: 'unavailable', reason };
  }
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  return serious > 0 ? { kind: 'vulnerable', counts } : { kind: 'clean', counts };
}

export function auditMessage(verdict: AuditVerdict): string {
  switch (verdict.kind) {
    case 'clean':
      return `npm audit (production dependencies): no high or critical advisories (${describe(verdict.counts)}).`;
    case 'vulnerable':
      return `npm audit (production dependencies): HIGH or CRITICAL advisories (${describe(verdict.counts)}). Run \`npm audit --omit=dev\` for details; fix or explain each one in docs/security.md.`;
    case 'unavailable':
      return `npm audit could not get an answer from the registry's advisory endpoint (${verdict.reason}). This is NOT a pass: run \`npm run audit:prod\` where registry.npmjs.org is reachable, or review the production tree by hand (see docs/security.md, "Dependencies").`;
  }
}

function describe(counts: Record<string, number>): string {
  return ['critical', 'high', 'moderate', 'low', 'info'].map((level) => `${counts[level] ?? 0} ${level}`).join(', ');
}
