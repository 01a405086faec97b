/** The text the import commands print: what was read, what is new, unchanged or in error, and why. */
import type { CommitResult } from './commit.js';
import type { ImportPlan } from './plan.js';

const ERRORS_SHOWN = 50;
const REVIEWS_SHOWN = 20;

function counted<T extends string>(values: T[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

export function importReport(file: string, plan: ImportPlan, result: CommitResult | null, refused: boolean): string {
  const { read } = plan;
  const lines: string[] = [];
  if (result) lines.push(`Imported ${file}: ${result.added} new recommendations written.`);
  else if (refused)
    lines.push(`Not imported: ${file} has ${read.problems.length} errors (below). Nothing was written.`);
  else lines.push(`Dry run of ${file}: nothing was written. Add --commit to write it.`);
  lines.push('', `Read: ${read.format}.`);
  lines.push(
    `Recommendations: ${read.rows.length} read` +
      (read.rows.length > 0 ? ` (${counted(read.rows.map((r) => r.position ?? 'no response'))})` : ''),
  );
  lines.push(`  new:       ${plan.added}`);
  lines.push(`  unchanged: ${plan.unchanged} (already imported)`);
  if (plan.duplicates.length > 0)
    lines.push(`  repeated:  ${plan.duplicates.length} (the same as an earlier row, read once)`);
  lines.push(`  in error:  ${new Set(read.problems.map((p) => p.row)).size} rows`);
  const skippedKinds = counted(
    read.skipped.map((s) =>
      s.reason.replace(/ ".*"$/, '').replace(/^\d+\.\d+ again.*/, 'repeated under a second theme'),
    ),
  );
  if (read.skipped.length > 0) lines.push(`  not recommendations: ${read.skipped.length} rows (${skippedKinds})`);

  lines.push('', `Reviews (${plan.reviews.length}):`);
  for (const r of plan.reviews.slice(0, REVIEWS_SHOWN)) {
    lines.push(
      `  ${r.statementId === null ? 'new      ' : 'existing '} ${r.slug}: ${r.stateName}, session ${r.session}, cycle ${r.cycle}` +
        ` (${r.added.length} new, ${r.unchanged} unchanged)${r.addressee.id === null ? `; new addressee ${r.addressee.slug}` : ''}`,
    );
  }
  if (plan.reviews.length > REVIEWS_SHOWN) lines.push(`  … and ${plan.reviews.length - REVIEWS_SHOWN} more.`);
  if (plan.themes.length > 0) {
    lines.push('', 'Themes:');
    for (const theme of plan.themes) {
      const how = theme.how === 'mapped' ? 'mapped to' : theme.how === 'matched' ? 'same name as' : 'new theme';
      lines.push(`  ${theme.label} → ${how} ${theme.slug}`);
    }
  }
  if (read.problems.length > 0) {
    lines.push('', `Errors (${read.problems.length}; fix them in the file and run the import again):`);
    for (const p of read.problems.slice(0, ERRORS_SHOWN)) {
      lines.push(`  row ${p.row}, column ${p.column}: ${p.problem}; ${p.todo}.`);
    }
    if (read.problems.length > ERRORS_SHOWN) lines.push(`  … and ${read.problems.length - ERRORS_SHOWN} more.`);
  }
  if (read.warnings.length > 0) {
    lines.push('', `Warnings (${read.warnings.length}; imported anyway):`);
    for (const p of read.warnings.slice(0, ERRORS_SHOWN))
      lines.push(`  row ${p.row}, column ${p.column}: ${p.problem}; ${p.todo}.`);
    if (read.warnings.length > ERRORS_SHOWN) lines.push(`  … and ${read.warnings.length - ERRORS_SHOWN} more.`);
  }
  if (result) {
    if (plan.added === 0) lines.push('', 'Nothing new: every recommendation in the file was already imported.');
    for (const [what, list] of [
      ['reviews', result.createdReviews],
      ['themes', result.createdThemes],
      ['addressees', result.createdAddressees],
    ] as const) {
      if (list.length > 0) lines.push(`Created ${what}: ${list.join(', ')}`);
    }
  } else if (!refused && plan.added === 0) {
    lines.push('', 'Nothing new: every recommendation in the file is already imported.');
  }
  return `${lines.join('\n')}\n`;
}
