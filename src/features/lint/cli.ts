/** `puente lint FILE | --release SLUG [--json]`: findings in the terminal's language; exit 1 on any error. */
import type { Db } from '../../platform/db/client.js';
import type { Locale } from '../../platform/i18n/locales.js';
import type { Finding } from './finding.js';
import { lintText } from './lint.js';
import { loadRegistry } from './registry.js';

/** The CLI speaks Spanish when the environment's locale does (LC_ALL, LC_MESSAGES, LANG), else English. */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^es\b|^es[_-]/i.test(tag) ? 'es' : 'en';
}

/** Findings for a release file's text, against the registry as it is now. */
export async function lintFindings(db: Db, text: string, now: Date): Promise<Finding[]> {
  return lintText(text, { registry: await loadRegistry(db), now });
}

export function formatFindings(findings: Finding[], locale: Locale, json: boolean, name: string): string {
  if (json) {
    const rows = findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message[locale],
      line: f.line,
      column: f.column,
      block: f.block,
      excerpt: f.excerpt,
      suggestion: f.suggestion?.[locale] ?? null,
    }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  if (findings.length === 0) return locale === 'es' ? `${name}: sin hallazgos.\n` : `${name}: no findings.\n`;
  const lines = findings.map((f) => {
    const where = f.line !== null ? `${name}:${f.line}:${f.column}` : `${name} (${f.block})`;
    const fix = f.suggestion ? `\n    → ${f.suggestion[locale]}` : '';
    return `${where}: ${f.severity} [${f.rule}] ${f.message[locale]}${fix}`;
  });
  const errors = findings.filter((f) => f.severity === 'error').length;
  const summary =
    locale === 'es'
      ? `${findings.length} hallazgos, ${errors} errores.`
      : `${findings.length} findings, ${errors} errors.`;
  return `${lines.join('\n')}\n${summary}\n`;
}
