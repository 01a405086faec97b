/** `npm run audit:prod`: npm audit of production dependencies, failing on high/critical or on no answer. */
import { spawnSync } from 'node:child_process';
import { auditMessage, readAudit } from '../src/tooling/npm-audit.js';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
const verdict = readAudit({ code: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' });
const message = auditMessage(verdict);
if (verdict.kind === 'clean') {
  process.stdout.write(`${message}\n`);
} else {
  process.stderr.write(`${message}\n`);
  // 2: the audit itself could not run; 1: it ran and found high or critical advisories.
  process.exitCode = verdict.kind === 'unavailable' ? 2 : 1;
}
