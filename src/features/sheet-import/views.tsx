/** The workspace pages of the spreadsheet import: upload, and one page per job (progress, then the report). */
import type { PageContext } from '../../platform/web/page-context.js';
import { CsrfField, FileUploadForm } from '../../ui/form.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';
import type { SheetImportJob } from './jobs.js';
import type { VocabularyMatch } from './match.js';
import { addsSomething, hasProblems, type SheetReport } from './report.js';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Seconds between reloads of a progress page. */
const REFRESH = 3;

export const sheetPath = (ctx: PageContext, path = '') => `/${ctx.locale}/workspace/import/recommendations${path}`;

export function SheetUploadPage(props: WorkspaceProps & { problem?: string }): JSX.Element {
  const { ctx, csrf, problem } = props;
  const { t } = ctx;
  return (
    <WorkspaceLayout {...props} title={t.sheetTitle}>
      <h1 safe>{t.sheetTitle}</h1>
      <p class="lede" safe>
        {t.sheetIntro}
      </p>
      <FileUploadForm
        action={sheetPath(ctx)}
        csrf={csrf}
        id="f-sheet"
        label={t.sheetFileLabel}
        hint={t.sheetFileHint(MAX_UPLOAD_BYTES / 1024 / 1024)}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        problem={problem ? t.sheetUploadProblem(problem) : undefined}
        submit={t.sheetSubmit}
      />
    </WorkspaceLayout>
  );
}

type JobView = Omit<SheetImportJob, 'file'>;

export function SheetJobPage(
  props: WorkspaceProps & { job: JobView; progress: { rows: number; bytes: number } },
): JSX.Element {
  const { ctx, job, progress } = props;
  const { t } = ctx;
  const busy = job.state === 'queued' || job.state === 'running';
  const report = job.report as SheetReport | null;
  return (
    <WorkspaceLayout {...props} title={t.sheetJobTitle(job.fileName)} refreshSeconds={busy ? REFRESH : undefined}>
      <h1 safe>{t.sheetJobTitle(job.fileName)}</h1>
      {busy ? (
        <Progress ctx={ctx} job={job} progress={progress} />
      ) : job.state === 'failed' ? (
        <div class="error-summary" role="alert">
          <p safe>{t.sheetFailed}</p>
        </div>
      ) : report ? (
        <Report {...props} report={report} />
      ) : (
        ''
      )}
      {busy ? (
        ''
      ) : (
        <p>
          <a href={sheetPath(ctx)} safe>
            {t.sheetAnother}
          </a>
        </p>
      )}
    </WorkspaceLayout>
  );
}

function Progress({
  ctx,
  job,
  progress,
}: {
  ctx: PageContext;
  job: JobView;
  progress: { rows: number; bytes: number };
}): JSX.Element {
  const { t } = ctx;
  const percent = job.fileBytes > 0 ? Math.min(100, Math.floor((progress.bytes / job.fileBytes) * 100)) : 0;
  return (
    <div role="status">
      <p safe>
        {job.state === 'queued' ? t.sheetQueued : job.phase === 'commit' ? t.sheetCommitting : t.sheetChecking}
      </p>
      <p>
        <label for="sheet-progress" safe>
          {t.sheetProgressLabel}
        </label>{' '}
        <progress id="sheet-progress" max="100" value={String(percent)} safe>
          {`${percent}%`}
        </progress>
      </p>
      <p safe>{t.sheetProgressRows(progress.rows, percent)}</p>
      <p class="hint" safe>
        {t.sheetLeaveNote}
      </p>
      <p>
        <a href={sheetPath(ctx, `/${job.id}`)} safe>
          {t.sheetReload}
        </a>
      </p>
    </div>
  );
}

function Report(props: WorkspaceProps & { job: JobView; report: SheetReport }): JSX.Element {
  const { ctx, csrf, job, report } = props;
  const { t } = ctx;
  if (report.fileProblem) {
    return (
      <div class="error-summary" role="alert">
        <p safe>{t.sheetFileProblem(report.fileProblem.code, report.fileProblem.detail)}</p>
      </div>
    );
  }
  const problems = hasProblems(report);
  const nothingNew = !addsSomething(report);
  return (
    <>
      {problems ? (
        <div class="error-summary" role="alert">
          <p>
            <a href="#sheet-problems" safe>
              {t.sheetCheckedProblems(report.problemCount)}
            </a>
          </p>
        </div>
      ) : (
        <p class="notice" role="status" safe>
          {nothingNew ? t.sheetNothingNew : report.committed ? t.sheetCommitted : t.sheetCheckedOk}
        </p>
      )}
      {!problems && !nothingNew && !report.committed && job.phase === 'check' ? (
        <form method="post" action={sheetPath(ctx, `/${job.id}/commit`)}>
          <CsrfField token={csrf} />
          <button type="submit" safe>
            {t.sheetConfirm}
          </button>
        </form>
      ) : (
        ''
      )}
      <h2 safe>{t.sheetSummaryHeading}</h2>
      <p safe>{`${t.sheetRows}: ${report.rows}`}</p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col" safe>
                {t.sheetWhat}
              </th>
              <th scope="col" safe>
                {t.sheetCreated}
              </th>
              <th scope="col" safe>
                {t.sheetUnchanged}
              </th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                [t.sheetStatements, report.statements],
                [t.sheetRecommendations, report.recommendations],
                [t.sheetResponses, report.responses],
                [t.sheetStatusUpdates, report.statusUpdates],
              ] as const
            ).map(([label, c]) => (
              <tr>
                <th scope="row" safe>
                  {label}
                </th>
                <td safe>{String(c.created)}</td>
                <td safe>{String(c.unchanged)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {Object.keys(report.responses.byPosition).length > 0 ? (
        <p safe>
          {`${t.sheetByPosition}: ${Object.entries(report.responses.byPosition)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([p, n]) => `${p} ${n}`)
            .join(', ')}`}
        </p>
      ) : (
        ''
      )}
      <Matches ctx={ctx} heading={t.sheetThemesHeading} id="sheet-themes" matches={report.themes} />
      <Matches ctx={ctx} heading={t.sheetAddresseesHeading} id="sheet-addressees" matches={report.addressees} />
      {report.problems.length > 0 ? (
        <>
          <h2 id="sheet-problems" safe>
            {t.sheetProblemsHeading}
          </h2>
          {report.problemCount > report.problems.length ? <p safe>{t.sheetProblemsCut(report.problems.length)}</p> : ''}
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t.sheetRow}
                  </th>
                  <th scope="col" safe>
                    {t.sheetColumn}
                  </th>
                  <th scope="col" safe>
                    {t.sheetWrong}
                  </th>
                  <th scope="col" safe>
                    {t.sheetFix}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p) => (
                  <tr>
                    <td safe>{String(p.row)}</td>
                    <td>
                      <code>{p.column}</code>
                    </td>
                    <td safe>{t.sheetProblemText(p.code, p.value)}</td>
                    <td safe>{t.sheetProblemFix(p.code, p.column)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        ''
      )}
    </>
  );
}

function Matches({
  ctx,
  heading,
  id,
  matches,
}: {
  ctx: PageContext;
  heading: string;
  id: string;
  matches: VocabularyMatch[];
}): JSX.Element {
  const { t } = ctx;
  if (matches.length === 0) return '';
  return (
    <>
      <h2 id={id} safe>
        {heading}
      </h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col" safe>
                {t.sheetWritten}
              </th>
              <th scope="col" safe>
                {t.sheetMatchedTo}
              </th>
              <th scope="col" safe>
                {t.sheetHow}
              </th>
            </tr>
          </thead>
          <tbody>
            {matches.map((m) => (
              <tr>
                <td safe>{m.written}</td>
                <td>
                  <code safe>{m.slug}</code>
                </td>
                <td>
                  <span safe>{`${t.sheetHowName(m.how)}${m.how === 'fuzzy' ? ` (${m.score.toFixed(2)})` : ''}`}</span>
                  {m.suggestions.length > 0 ? (
                    <span
                      safe
                    >{` — ${t.sheetSuggestions} ${m.suggestions.map((s) => `${s.name} (${s.slug})`).join(', ')}?`}</span>
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
