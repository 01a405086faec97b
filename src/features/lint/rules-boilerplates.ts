/** Rules on "About" paragraphs as a set: headed alike, formatted alike, each with a website. */
import type { Extraction } from '../release-text/index.js';
import { plain } from '../release-text/index.js';
import { type Finding, type Locator, say } from './finding.js';
import { type RegistryOrg, resolveOrg } from './registry.js';
import { cutBlock } from './truncation.js';

type HeadingStyle = 'about' | 'colon' | 'sentence';

const USUAL: Record<HeadingStyle, (name: string) => string> = {
  about: (name) => `About ${name}: …`,
  colon: (name) => `${name}: …`,
  sentence: (name) => `${name} is …`,
};

function headingStyle(text: string): HeadingStyle {
  const p = plain(text);
  if (/^(?:about|acerca\s+de|sobre)\s/i.test(p)) return 'about';
  return /^[^:]{2,120}:\s/u.test(p) ? 'colon' : 'sentence';
}

function majority<T>(values: T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return sorted.length > 1 && (sorted[0] as [T, number])[1] === (sorted[1] as [T, number])[1]
    ? null
    : (sorted[0]?.[0] ?? null);
}

export function boilerplateFormat(x: Extraction, registry: RegistryOrg[], at: Locator): Finding[] {
  const bps = x.boilerplates;
  const out: Finding[] = [];
  if (bps.length >= 3) {
    const styles = bps.map((b) => headingStyle(x.blocks[b.index]?.text ?? ''));
    const usual = majority(styles);
    if (usual) {
      bps.forEach((b, k) => {
        if (styles[k] === usual) return;
        const name = b.boilerplate.organization;
        out.push({
          rule: 'boilerplate-format',
          severity: 'warning',
          message: say('lintBoilerplateHeading', b.heading.trim(), USUAL[usual]('X')),
          suggestion: say('lintBoilerplateHeadingFix', USUAL[usual](name)),
          ...at.at(b.index, b.heading.trim()),
        });
      });
    }
    const italic = bps.map((b) => /(^|[\s:])\*(?!\*)\S[^*]*\S\*(?!\*)/.test(x.blocks[b.index]?.text ?? ''));
    const count = italic.filter(Boolean).length;
    if (count > 0 && count < bps.length) {
      const odd = bps.find((_, k) => italic[k] === count <= bps.length / 2);
      out.push({
        rule: 'boilerplate-format',
        severity: 'info',
        message: say('lintBoilerplateEmphasis', count, bps.length),
        suggestion: say('lintBoilerplateEmphasisFix'),
        ...at.at(odd?.index ?? null),
      });
    }
  }
  const cut = cutBlock(x);
  for (const b of bps) {
    // A paragraph cut before its end may have had its website in the part that was lost.
    if (b.boilerplate.website || b.index === cut) continue;
    const registered = resolveOrg(registry, b.boilerplate.organization)?.website ?? null;
    out.push({
      rule: 'boilerplate-without-website',
      severity: 'warning',
      message: say('lintBoilerplateNoWebsite', b.boilerplate.organization),
      suggestion: say('lintBoilerplateNoWebsiteFix', registered),
      ...at.at(b.index, b.heading.trim()),
    });
  }
  return out;
}
