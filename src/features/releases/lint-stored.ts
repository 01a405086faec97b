/**
 * Linting a release stored in Puente: each language is rendered to Markdown (what journalists will
 * read) and linted like a file against the registry, and every field or block that has text in one
 * language but not the other is reported. Findings name the language and part instead of a file line.
 */
import type { Db } from '../../platform/db/client.js';
import { NotFound, StartupError } from '../../platform/errors.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { type LocalizedText, translationState } from '../../platform/text/localized-text.js';
import { type Finding, lintText, loadRegistry, type RegistryOrg, say, sortFindings } from '../lint/index.js';
import { buildRenderModel } from './render-model.js';
import { getRelease, type ReleaseSource } from './service.js';
import { writeMarkdown } from './write-markdown.js';

export async function lintStoredRelease(db: Db, source: ReleaseSource, now: Date): Promise<Finding[]> {
  return lintSource(source, await loadRegistry(db), now);
}

export function lintSource(source: ReleaseSource, registry: RegistryOrg[], now: Date): Finding[] {
  const findings: Finding[] = [];
  for (const locale of LOCALES) {
    const markdown = writeMarkdown(buildRenderModel(source, locale));
    for (const f of lintText(markdown, { registry, now, language: locale })) {
      // Contacts and names come from the registry: a finding there is the registry's, shown once.
      findings.push({ ...f, block: `${locale}, line ${f.line}`, column: null });
    }
  }
  return [...dedupe(findings).map((f) => ({ ...f, line: null })), ...missingLanguages(source)];
}

/** Both languages render the same structure, so one problem at the same place is reported once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return sortFindings(findings).filter((f) => {
    const key = `${f.rule}|${f.line}|${f.excerpt.includes('@') ? f.excerpt : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function missingLanguages(source: ReleaseSource): Finding[] {
  const { release } = source;
  const parts: [string, number, LocalizedText][] = [
    ['headline', 0, release.headline],
    ['subheadline', 0, release.subheadline],
    ['dateline', 0, release.datelinePlace],
    ['lead', 0, release.lead],
    ...source.blocks.map((b, i): [string, number, LocalizedText] => [
      b.kind,
      i + 1,
      b.kind === 'highlights' ? b.intro : b.text,
    ]),
    ...source.highlights.map((h, i): [string, number, LocalizedText] => ['highlight', i + 1, h]),
  ];
  const out: Finding[] = [];
  for (const [kind, n, value] of parts) {
    const present = LOCALES.filter((l) => translationState(value, l) !== 'missing');
    if (present.length === 0) continue;
    for (const locale of LOCALES.filter((l: Locale) => !present.includes(l))) {
      const message = {
        en: say('lintMissingLanguage', say('lintBlockName', kind, n).en, say('lintLanguageName', locale).en).en,
        es: say('lintMissingLanguage', say('lintBlockName', kind, n).es, say('lintLanguageName', locale).es).es,
      };
      const suggestion = {
        en: say('lintMissingLanguageFix', say('lintLanguageName', locale).en).en,
        es: say('lintMissingLanguageFix', say('lintLanguageName', locale).es).es,
      };
      out.push({
        rule: 'missing-language',
        severity: 'warning',
        message,
        suggestion,
        line: null,
        column: null,
        block: `${locale}, ${say('lintBlockName', kind, n).en}`,
        excerpt: '',
      });
    }
  }
  return out;
}

/** `puente lint --release SLUG`: a stored release's findings, or a one-line error naming the slug. */
export async function lintReleaseBySlug(db: Db, slug: string, now: Date): Promise<Finding[]> {
  const source = await getRelease(db, slug, now).catch((error: unknown) => {
    if (error instanceof NotFound) throw new StartupError(`no release "${slug}" (see the newsroom for slugs)`);
    throw error;
  });
  return lintStoredRelease(db, source, now);
}
