/** The workspace import pages: upload, the dry-run report with the linter's findings, and confirmation. */
import type { PageContext } from '../../platform/web/page-context.js';
import { CsrfField, FileUploadForm } from '../../ui/form.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';
import type { Finding } from '../lint/index.js';
import { FindingList } from '../lint/index.js';
import type { ImportPlan } from './plan.js';
import { MAX_SOURCE_BYTES } from './read-source.js';

const action = (ctx: PageContext, path = '') => `/${ctx.locale}/workspace/import${path}`;

export function ImportPage(props: WorkspaceProps & { problem?: string; done?: string }): JSX.Element {
  const { ctx, csrf, problem, done } = props;
  const { t } = ctx;
  return (
    <WorkspaceLayout {...props} title={t.importTitle}>
      <h1 safe>{t.importTitle}</h1>
      {done ? (
        <p class="notice" role="status" safe>
          {t.importDone(done)}
        </p>
      ) : (
        ''
      )}
      <p class="lede" safe>
        {t.importIntro}
      </p>
      <FileUploadForm
        action={action(ctx)}
        csrf={csrf}
        id="f-file"
        label={t.importFileLabel}
        hint={t.importFileHint(MAX_SOURCE_BYTES / 1024 / 1024)}
        accept=".md,.markdown,.txt,.html,.htm,.docx"
        problem={problem ? t.importProblem(problem) : undefined}
        submit={t.importSubmit}
      >
        <LanguageChoice ctx={ctx} />
      </FileUploadForm>
    </WorkspaceLayout>
  );
}

function LanguageChoice({ ctx, value }: { ctx: PageContext; value?: string }): JSX.Element {
  const { t } = ctx;
  const options: [string, string][] = [
    ['', t.importLangAuto],
    ['en', 'English'],
    ['es', 'Español'],
  ];
  return (
    <div class="field">
      <label for="f-lang" safe>
        {t.importLangLabel}
      </label>
      <select id="f-lang" name="lang">
        {options.map(([v, label]) => (
          <option value={v} selected={v === (value ?? '')} safe>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ImportReportPage(
  props: WorkspaceProps & {
    plan: ImportPlan;
    findings: Finding[];
    text: string;
    lang: string;
    /** Unsure fields the editor did not tick when saving: the confirmation is refused until they are. */
    unconfirmed?: string[];
    confirmed?: string[];
  },
): JSX.Element {
  const { ctx, csrf, plan, findings, text, lang, unconfirmed = [], confirmed = [] } = props;
  const { t } = ctx;
  const r = plan.extraction.release;
  const unsure = plan.extraction.recognition.filter((rec) => rec.unsure);
  return (
    <WorkspaceLayout {...props} title={t.importReportTitle}>
      <h1 safe>{t.importReportTitle}</h1>
      {unconfirmed.length > 0 ? (
        <div class="error-summary" role="alert">
          <p>
            <a href={`#f-confirm-${unconfirmed[0]}`} safe>
              {t.importUnsureMissing(unconfirmed.map((f) => t.importField(f)).join(', '))}
            </a>
          </p>
        </div>
      ) : (
        ''
      )}
      <p class="lede" safe>
        {t.importNothingWritten}
      </p>
      <dl class="import-report">
        {plan.extraction.recognition.map((rec) => {
          const value = (r as Record<string, unknown>)[rec.field];
          const shown = typeof value === 'string' ? value : Array.isArray(value) ? String(value.length) : '—';
          return (
            <>
              <dt safe>{t.importField(rec.field)}</dt>
              <dd>
                <span safe>{shown}</span>{' '}
                <span class="muted" safe>
                  {`(${t.importConfidence(Math.round(rec.confidence * 100))})`}
                </span>
                {rec.unsure ? (
                  <>
                    {' '}
                    <strong safe>{t.importUnsure}</strong>
                  </>
                ) : (
                  ''
                )}
              </dd>
            </>
          );
        })}
      </dl>
      <h2 safe>{t.importOrganizations}</h2>
      <ul>
        {plan.organizations.map((o) => (
          <li>
            <strong safe>{o.name}</strong>
            <span
              safe
            >{`: ${o.match ? t.importMatched(o.match.name, t.importHow(o.match.how)) : t.importWouldCreate}`}</span>
          </li>
        ))}
      </ul>
      <h2 safe>{t.importPeople}</h2>
      <ul>
        {plan.people.map((p) => (
          <li>
            <strong safe>{p.name}</strong>
            <span
              safe
            >{`: ${p.match ? t.importMatched(p.match.name, t.importHow(p.match.how)) : t.importWouldCreate}`}</span>
          </li>
        ))}
      </ul>
      {findings.length > 0 ? <FindingList ctx={ctx} findings={findings} /> : ''}
      <form method="post" action={action(ctx, '/commit')}>
        <CsrfField token={csrf} />
        <input type="hidden" name="lang" value={lang} />
        <input type="hidden" name="text" value={text} />
        {unsure.length > 0 ? (
          <fieldset class={unconfirmed.length > 0 ? 'field field-invalid' : 'field'}>
            <legend safe>{t.importUnsureIntro}</legend>
            {unsure.map((rec) => (
              <div class="checkbox">
                <input
                  type="checkbox"
                  id={`f-confirm-${rec.field}`}
                  name="confirm"
                  value={rec.field}
                  checked={confirmed.includes(rec.field)}
                  aria-invalid={unconfirmed.includes(rec.field) ? 'true' : undefined}
                />
                <label for={`f-confirm-${rec.field}`} safe>
                  {t.importUnsureConfirm(t.importField(rec.field))}
                </label>
              </div>
            ))}
          </fieldset>
        ) : (
          ''
        )}
        <p class="hint" safe>
          {t.importConfirmNote}
        </p>
        <button type="submit" safe>
          {t.importConfirm}
        </button>
      </form>
    </WorkspaceLayout>
  );
}
