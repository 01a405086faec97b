/**
 * `puente import recommendations FILE [--commit]`: the same pass as the workspace's (run.ts), with a
 * progress bar on stderr when it is a terminal (cli-progress; off in pipes and logs, where it would
 * only be noise), and the report on stdout in the operator's language.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { systemActor } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { StartupError } from '../../platform/errors.js';
import { messages } from '../../platform/i18n/format.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { formatOf, type SheetFormat } from './read-sheet.js';
import { addsSomething, hasProblems, type SheetReport } from './report.js';
import { BULK_FROM_BYTES, runSheetImport } from './run.js';

/** The file's size and format, or one line saying why it cannot be read (before the database is opened). */
export async function checkSheetFile(file: string): Promise<{ size: number; format: SheetFormat }> {
  const format = formatOf(file);
  if (!format) throw new StartupError(`"${basename(file)}" is not a .csv or .xlsx file`);
  const info = await stat(file).catch(() => {
    throw new StartupError(`cannot read "${file}": no such file`);
  });
  if (!info.isFile()) throw new StartupError(`cannot read "${file}": not a file`);
  return { size: info.size, format };
}

export async function importRecommendationsFile(
  db: Db,
  file: string,
  options: { commit: boolean; locale: Locale; progress: boolean },
  now: Date,
): Promise<{ text: string; report: SheetReport }> {
  const { size, format } = await checkSheetFile(file);
  const bar = options.progress
    ? new cliProgress.SingleBar(
        { format: '{bar} {percentage}% | {rows} rows', stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(Math.max(size, 1), 0, { rows: 0 });
  try {
    const report = await runSheetImport(db, createReadStream(file), {
      fileName: basename(file),
      format,
      commit: options.commit,
      bulk: size >= BULK_FROM_BYTES,
      actor: systemActor(`puente import recommendations ${basename(file)}`),
      now,
      onProgress: (rows, bytes) => bar?.update(bytes, { rows }),
    });
    bar?.update(size);
    return { text: textReport(report, options.locale, options.commit), report };
  } finally {
    bar?.stop();
  }
}

export function textReport(report: SheetReport, locale: Locale, commitAsked: boolean): string {
  const t = messages(locale);
  const lines: string[] = [];
  if (report.fileProblem) {
    lines.push(`${report.fileName}: ${t.sheetFileProblem(report.fileProblem.code, report.fileProblem.detail)}`);
    return `${lines.join('\n')}\n`;
  }
  const headline = hasProblems(report)
    ? t.sheetCheckedProblems(report.problemCount)
    : !addsSomething(report)
      ? t.sheetNothingNew
      : report.committed
        ? t.sheetCommitted
        : `${t.sheetCheckedOk}${commitAsked ? '' : ' (--commit)'}`;
  lines.push(`${report.fileName}: ${headline}`, '');
  lines.push(`${t.sheetRows}: ${report.rows}`);
  const row = (label: string, c: { created: number; unchanged: number }) =>
    `${label.padEnd(26)} ${t.sheetCreated.toLowerCase()} ${c.created}, ${t.sheetUnchanged.toLowerCase()} ${c.unchanged}`;
  lines.push(
    row(t.sheetStatements, report.statements),
    row(t.sheetRecommendations, report.recommendations),
    row(t.sheetResponses, report.responses),
    row(t.sheetStatusUpdates, report.statusUpdates),
  );
  const positions = Object.entries(report.responses.byPosition).sort(([a], [b]) => a.localeCompare(b));
  if (positions.length > 0) lines.push(`${t.sheetByPosition}: ${positions.map(([p, n]) => `${p} ${n}`).join(', ')}`);
  for (const [heading, matches] of [
    [t.sheetThemesHeading, report.themes],
    [t.sheetAddresseesHeading, report.addressees],
  ] as const) {
    if (matches.length === 0) continue;
    lines.push('', `${heading}:`);
    for (const m of matches) {
      const mark = m.how === 'new' ? '+' : m.how === 'fuzzy' ? '~' : '=';
      const suggestions = m.suggestions.length
        ? ` — ${t.sheetSuggestions} ${m.suggestions.map((s) => `${s.slug} (${s.score.toFixed(2)})`).join(', ')}?`
        : '';
      lines.push(
        `  ${mark} ${m.written} → ${m.slug} (${t.sheetHowName(m.how)}${m.how === 'fuzzy' ? ` ${m.score.toFixed(2)}` : ''})${suggestions}`,
      );
    }
  }
  if (report.problems.length > 0) {
    lines.push('', `${t.sheetProblemsHeading}:`);
    for (const p of report.problems) {
      lines.push(
        `  ${t.sheetRow.toLowerCase()} ${p.row}${p.column ? `, ${p.column}` : ''}: ${t.sheetProblemText(p.code, p.value)} ${t.sheetProblemFix(p.code, p.column)}`,
      );
    }
    if (report.problemCount > report.problems.length) lines.push(`  ${t.sheetProblemsCut(report.problems.length)}`);
  }
  return `${lines.join('\n')}\n`;
}
