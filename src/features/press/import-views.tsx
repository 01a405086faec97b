/** Importing contacts: the upload form, then the dry run's report with its per-row problems and the confirmation. */
import type { PageContext } from '../../platform/web/page-context.js';
import { CsrfField, FileUploadForm } from '../../ui/form.js';
import { DataTable } from '../../ui/list.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';
import { PressMenu } from './form-parts.js';
import { CONTACT_COLUMNS, type ImportPlan, type RowProblem } from './transfer.js';

const base = (ctx: PageContext) => `/${ctx.locale}/workspace/press`;

export type ImportProblem = 'too-large' | 'no-file' | 'unreadable' | 'too-many-rows' | 'empty' | 'changed';

export function ImportPage(props: WorkspaceProps & { problem?: ImportProblem }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <WorkspaceLayout {...props} title={t.pressImportTitle}>
      <PressMenu ctx={ctx} current="import" />
      <h1 safe>{t.pressImportTitle}</h1>
      <p safe>{t.pressImportIntro}</p>
      <p>
        <span safe>{t.pressImportColumns}</span> <code safe>{CONTACT_COLUMNS.join(', ')}</code>
      </p>
      <FileUploadForm
        action={`${base(ctx)}/import`}
        csrf={props.csrf}
        id="f-file"
        label={t.pressImportFile}
        hint={t.pressImportFileHint}
        accept=".csv,.xlsx,text/csv"
        problem={props.problem ? t.pressImportProblem(props.problem) : undefined}
        submit={t.pressImportCheck}
      />
    </WorkspaceLayout>
  );
}

export function ImportReportPage(props: WorkspaceProps & { plan: ImportPlan }) {
  const { ctx, plan } = props;
  const { t } = ctx;
  const ok = plan.problems.length === 0;
  const message = (p: RowProblem) => {
    if (p.length) return t.workspaceLengthLimit(p.length.max, p.length.actual);
    const text = (t as unknown as Record<string, unknown>)[p.problem];
    return typeof text === 'string' ? text : p.problem;
  };
  return (
    <WorkspaceLayout {...props} title={t.pressImportReportTitle}>
      <PressMenu ctx={ctx} current="import" />
      <h1 safe>{t.pressImportReportTitle}</h1>
      <p role="status" safe>
        {t.pressImportSummary(plan.rows, plan.added, plan.updated)}
      </p>
      {ok ? (
        <form method="post" action={`${base(ctx)}/import/commit`}>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="csv" value={plan.csv} />
          <p safe>{t.pressImportReady}</p>
          <button type="submit" safe>
            {t.pressImportCommit}
          </button>{' '}
          <a href={`${base(ctx)}/import`} safe>
            {t.workspaceCancel}
          </a>
        </form>
      ) : (
        <>
          <div class="error-summary" role="alert" id="error-summary" tabindex="-1">
            <p safe>{t.pressImportHasProblems(plan.problems.length)}</p>
          </div>
          <DataTable
            ctx={ctx}
            caption={t.pressImportProblemsCaption}
            rows={plan.problems}
            columns={[
              { header: t.pressImportRow, cell: (p) => <span safe>{String(p.row)}</span> },
              { header: t.pressImportColumn, cell: (p) => <code safe>{p.column}</code> },
              { header: t.pressImportWhat, cell: (p) => <span safe>{message(p)}</span> },
            ]}
          />
          <p>
            <a class="button" href={`${base(ctx)}/import`} safe>
              {t.pressImportAgain}
            </a>
          </p>
        </>
      )}
    </WorkspaceLayout>
  );
}
