import type { PageContext } from '../../platform/web/page-context.js';
import { Section } from '../../ui/layout.js';

/** "Download these recommendations: CSV · Excel", under a statement's page. */
export function ExportLinks(props: { ctx: PageContext; base: string }): JSX.Element {
  const { t } = props.ctx;
  return (
    <Section id="export-heading" title={t.exportStatementLinks}>
      <ul class="inline-list">
        <li>
          <a href={`${props.base}.csv`} safe>
            {t.exportCsv}
          </a>
        </li>
        <li>
          <a href={`${props.base}.xlsx`} safe>
            {t.exportXlsx}
          </a>
        </li>
      </ul>
    </Section>
  );
}
