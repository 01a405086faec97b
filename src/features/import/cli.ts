/** `puente import release FILE`: the dry-run report (or JSON), and the commit when asked. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { systemActor } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { StartupError } from '../../platform/errors.js';
import { commitImport, e164OrNull, type ImportResult } from './commit.js';
import { type ImportPlan, planImport } from './plan.js';
import { MAX_SOURCE_BYTES, readSource, UnreadableSource } from './read-source.js';

/** The file's text, or one line saying why it cannot be imported. */
export async function readSourceFile(file: string): Promise<string> {
  const info = await stat(file).catch(() => {
    throw new StartupError(`cannot read "${file}": no such file`);
  });
  if (!info.isFile()) throw new StartupError(`cannot read "${file}": not a file`);
  if (info.size > MAX_SOURCE_BYTES) {
    throw new StartupError(
      `"${basename(file)}" is ${(info.size / 1024 / 1024).toFixed(1)} MB; a release can be at most ${MAX_SOURCE_BYTES / 1024 / 1024} MB`,
    );
  }
  try {
    return await readSource(await readFile(file), basename(file));
  } catch (error) {
    if (error instanceof UnreadableSource) throw new StartupError(error.message);
    throw error;
  }
}

/** `text` is read (and checked) before the database is opened, so bad input never touches it. */
export async function importRelease(
  db: Db,
  text: string,
  options: { lang?: 'en' | 'es'; json: boolean; commit: boolean; fileName: string },
  now: Date,
): Promise<string> {
  const file = options.fileName;
  const plan = await planImport(db, text, options.lang);
  const result = options.commit
    ? await commitImport(db, plan, 'operator', systemActor(`puente import release ${basename(file)}`), now)
    : null;
  return options.json ? `${JSON.stringify(asJson(plan, result), null, 2)}\n` : report(file, plan, result);
}

function asJson(plan: ImportPlan, result: ImportResult | null) {
  return {
    ...plan.extraction.release,
    recognition: plan.extraction.recognition,
    registry: {
      organizations: plan.organizations.map((o) => ({ name: o.name, match: o.match })),
      people: plan.people.map((p) => ({ name: p.name, match: p.match })),
    },
    committed: result,
  };
}

function report(file: string, plan: ImportPlan, result: ImportResult | null): string {
  const r = plan.extraction.release;
  const lines = [
    result
      ? `Imported ${basename(file)} as draft release "${result.slug}" (not public).`
      : `Dry run of ${basename(file)}: nothing was written. Add --commit to write it.`,
    '',
    `Release "${plan.slug}" (draft, ${r.language})`,
  ];
  for (const rec of plan.extraction.recognition) {
    const value = (r as Record<string, unknown>)[rec.field];
    const shown = typeof value === 'string' ? value : rec.note;
    lines.push(
      `${rec.unsure ? '? ' : '  '}${rec.field.padEnd(16)} ${Math.round(rec.confidence * 100)}%  ${shown}${rec.line ? ` (line ${rec.line})` : ''}`,
    );
  }
  const unsure = plan.extraction.recognition.filter((rec) => rec.unsure).map((rec) => rec.field);
  if (unsure.length > 0) {
    lines.push('', `Unsure (marked ?): check ${unsure.join(', ')} against the file before you rely on them.`);
  }
  lines.push('', 'Organizations:');
  for (const o of plan.organizations) {
    lines.push(
      o.match
        ? `  = ${o.name} → ${o.match.slug} (${o.match.how}${o.match.how === 'fuzzy' ? ` ${o.match.score.toFixed(2)}` : ''})`
        : `  + ${o.name} (new: ${result ? 'created' : 'would be created'})`,
    );
  }
  lines.push('People:');
  for (const p of plan.people) {
    const what = p.contact ? 'press contact' : 'quoted';
    lines.push(
      p.match
        ? `  = ${p.name} → ${p.match.slug} (${p.match.how}${p.match.how === 'fuzzy' ? ` ${p.match.score.toFixed(2)}` : ''}), ${what}`
        : `  + ${p.name} (new, ${what}: ${result ? 'created' : 'would be created'})`,
    );
    if (!p.match && p.phone && !e164OrNull(p.phone))
      lines.push(`      phone "${p.phone}" is not a valid number and is left out`);
  }
  const quotes = plan.body.filter((b) => b.kind === 'quote').length;
  const paragraphs = plan.body.filter((b) => b.kind === 'text').length;
  lines.push(
    '',
    `Body: lead, ${paragraphs} paragraphs, ${quotes} quotes, ${r.recommendations.length} recommendations, ${r.boilerplates.length} boilerplates.`,
  );
  return `${lines.join('\n')}\n`;
}
