/** The linter's findings as a list on editors' pages (the release page, the import report). */

import type { PageContext } from '../../platform/web/page-context.js';
import { Section } from '../../ui/layout.js';
import type { Finding } from './finding.js';

export function FindingList({ ctx, findings }: { ctx: PageContext; findings: Finding[] }): JSX.Element {
  const { t } = ctx;
  return (
    <Section id="lint-heading" title={t.lintFindingsTitle} class="lint-findings">
      <p class="muted" safe>
        {t.lintFindingsNote}
      </p>
      <ul>
        {findings.map((f) => (
          <FindingItem ctx={ctx} finding={f} />
        ))}
      </ul>
    </Section>
  );
}

/** One finding in the reader's language, with its fix and where it is. */
export function FindingItem({ ctx, finding: f }: { ctx: PageContext; finding: Finding }): JSX.Element {
  const { locale } = ctx;
  const where = f.line !== null ? `${f.line}:${f.column}` : (f.block ?? '');
  return (
    <li class={`finding finding-${f.severity}`} data-rule={f.rule}>
      <strong safe>{`${ctx.t.lintSeverity(f.severity)}: `}</strong>
      <span safe>{f.message[locale]}</span>
      {f.suggestion ? (
        <span class="finding-fix" safe>
          {` ${f.suggestion[locale]}`}
        </span>
      ) : (
        ''
      )}
      {where ? (
        <span class="muted finding-where" safe>
          {` (${ctx.t.lintWhere(where)})`}
        </span>
      ) : (
        ''
      )}
    </li>
  );
}
