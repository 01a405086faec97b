/**
 * axe-core inside a Playwright page, for browser tests (the same approach as statement-journey:
 * page.evaluate goes through the DevTools protocol, which the app's CSP does not govern).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type axe from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; html: string }[];
}

export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const inPage = (globalThis as unknown as { axe: typeof axe }).axe;
    const results = await inPage.run({ runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((s) => (Array.isArray(s) ? s.join(' >>> ') : s)).join(' '),
        html: n.html,
      })),
    }));
  }, AXE_TAGS);
}

export function formatViolations(path: string, violations: AxeViolation[]): string {
  const lines = violations.flatMap((v) => [
    `${v.id} (${v.impact ?? 'n/a'}): ${v.help}`,
    ...v.nodes.map((n) => `    ${n.target}    ${n.html}`),
  ]);
  return `axe violations on ${path}:\n${lines.join('\n')}`;
}
