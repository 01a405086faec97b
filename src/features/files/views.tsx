/** Upload forms (logo, full document) and how pages show a logo or link a document. */
import type { Catalog } from '../../platform/i18n/catalog.js';
import type { UserRow } from '../../platform/sessions.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { ButtonForm, HiddenFields } from '../../ui/form.js';
import { WorkspaceLayout } from '../../ui/workspace-layout.js';
import { formatByteSize } from './limits.js';
import type { FileRef } from './service.js';
import type { UploadField, UploadProblem } from './upload-error.js';

export const fileUrl = (file: Pick<FileRef, 'sha256'>) => `/files/${file.sha256}`;

/** A logo with its alt text; the size is set by the stylesheet (`.logo`, `.logo-small`). */
export function OrganizationLogo(props: {
  ctx: PageContext;
  logo: FileRef | undefined | null;
  name: string;
  small?: boolean;
}) {
  if (!props.logo) return '';
  return (
    <img
      class={props.small ? 'logo logo-small' : 'logo'}
      src={fileUrl(props.logo)}
      alt={props.ctx.t.filesLogoAlt(props.name)}
      loading="lazy"
      decoding="async"
    />
  );
}

export function documentMeta(ctx: Pick<PageContext, 't' | 'locale'>, file: FileRef): string {
  const type = file.mediaType === 'application/pdf' ? ctx.t.filesTypePdf : ctx.t.filesTypeDocx;
  return ctx.t.filesDocumentMeta(type, formatByteSize(file.size, ctx.locale));
}

/** One sentence: what is wrong and what to do (the field's label is shown before it). */
export function problemMessage(t: Catalog, field: UploadField, problem: UploadProblem, locale: string): string {
  switch (problem.code) {
    case 'noFile':
      return t.filesErrorNoFile;
    case 'empty':
      return t.filesErrorEmpty;
    case 'tooLarge':
      return t.filesErrorTooLarge(formatByteSize(problem.limitBytes, locale));
    case 'wrongType':
      return field === 'logo' ? t.filesErrorWrongTypeLogo(problem.found) : t.filesErrorWrongTypeDocument(problem.found);
    case 'imageBroken':
      return t.filesErrorImageBroken;
    case 'svgInvalid':
      return t.filesErrorSvgInvalid;
    case 'svgDoctype':
      return t.filesErrorSvgDoctype;
    case 'pdfInvalid':
      return t.filesErrorPdfInvalid;
    case 'pdfEncrypted':
      return t.filesErrorPdfEncrypted;
    case 'pdfScripts':
      return t.filesErrorPdfScripts;
    case 'docxInvalid':
      return t.filesErrorDocxInvalid;
    case 'docxNotWord':
      return t.filesErrorDocxNotWord;
    case 'badForm':
      return t.filesErrorBadForm;
  }
}

interface UploadFormProps {
  ctx: PageContext;
  csrf: string;
  action: string;
  version: number;
  field: UploadField;
  label: string;
  help: string;
  accept: string;
  problem: UploadProblem | null;
}

/** The file field with its label, hint and (after a refusal) the error, as the workspace's fields are. */
function UploadForm(p: UploadFormProps) {
  const { t, locale } = p.ctx;
  const id = `f-${p.field}`;
  return (
    <form method="post" action={p.action} enctype="multipart/form-data" class="form upload-form">
      {/* _csrf first: the server checks it before it reads the file. */}
      <HiddenFields csrf={p.csrf} version={p.version} />
      <div class={p.problem ? 'field field-invalid' : 'field'}>
        <label for={id} safe>
          {p.label}
        </label>
        <span class="hint" id={`${id}-hint`} safe>
          {p.help}
        </span>
        {p.problem ? (
          <span class="field-error" id={`${id}-error`} role="alert">
            <strong safe>{`${p.label}: `}</strong>
            <span safe>{problemMessage(t, p.field, p.problem, locale)}</span>
          </span>
        ) : (
          ''
        )}
        <input
          id={id}
          name={p.field}
          type="file"
          accept={p.accept}
          required
          aria-describedby={p.problem ? `${id}-error ${id}-hint` : `${id}-hint`}
          aria-invalid={p.problem ? 'true' : undefined}
        />
      </div>
      <p class="form-actions">
        <button type="submit" class="button" safe>
          {t.filesUploadButton}
        </button>
      </p>
    </form>
  );
}

function RemoveForm(props: { csrf: string; action: string; version: number; label: string }) {
  return <ButtonForm {...props} formClass="form" buttonClass="button-secondary" />;
}

function Notice({ text }: { text: string | null }) {
  return text ? (
    <p class="notice" role="status" safe>
      {text}
    </p>
  ) : (
    ''
  );
}

export interface LogoPageProps {
  ctx: PageContext;
  user: UserRow;
  csrf: string;
  organization: { slug: string; name: string; version: number };
  logo: FileRef | null;
  limitBytes: number;
  problem: UploadProblem | null;
  notice: string | null;
}

export function LogoUploadPage(p: LogoPageProps) {
  const { t, locale } = p.ctx;
  const action = `/${locale}/workspace/organizations/${p.organization.slug}/logo`;
  return (
    <WorkspaceLayout ctx={p.ctx} user={p.user} csrf={p.csrf} title={`${t.filesLogoTitle}: ${p.organization.name}`}>
      <h1 safe>{t.filesLogoTitle}</h1>
      <p class="lede" safe>
        {p.organization.name}
      </p>
      <p safe>{t.filesLogoIntro}</p>
      <Notice text={p.notice} />
      <h2 safe>{t.filesCurrentLogo}</h2>
      {p.logo ? (
        <>
          <p>
            <OrganizationLogo ctx={p.ctx} logo={p.logo} name={p.organization.name} />
          </p>
          <RemoveForm
            csrf={p.csrf}
            action={`${action}/remove`}
            version={p.organization.version}
            label={t.filesRemoveLogoButton}
          />
        </>
      ) : (
        <p class="muted" safe>
          {t.filesNoLogo}
        </p>
      )}
      <UploadForm
        ctx={p.ctx}
        csrf={p.csrf}
        action={action}
        version={p.organization.version}
        field="logo"
        label={t.filesLogoLabel}
        help={t.filesLogoHelp(formatByteSize(p.limitBytes, locale))}
        accept="image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg"
        problem={p.problem}
      />
    </WorkspaceLayout>
  );
}

export interface DocumentPageProps {
  ctx: PageContext;
  user: UserRow;
  csrf: string;
  /** `externalUrl`: the statement's `full_document_url`, which the page links while no file is uploaded. */
  statement: { slug: string; title: string; version: number; isPublic: boolean; externalUrl: string | null };
  document: FileRef | null;
  limitBytes: number;
  problem: UploadProblem | null;
  notice: string | null;
}

export function DocumentUploadPage(p: DocumentPageProps) {
  const { t, locale } = p.ctx;
  const action = `/${locale}/workspace/statements/${p.statement.slug}/document`;
  return (
    <WorkspaceLayout ctx={p.ctx} user={p.user} csrf={p.csrf} title={`${t.filesDocumentTitle}: ${p.statement.title}`}>
      <h1 safe>{t.filesDocumentTitle}</h1>
      <p class="lede" safe>
        {p.statement.title}
      </p>
      <p safe>{t.filesDocumentIntro}</p>
      <Notice text={p.notice} />
      <h2 safe>{t.filesCurrentDocument}</h2>
      {p.document ? (
        <>
          <p>
            {p.statement.isPublic ? (
              <a href={fileUrl(p.document)} safe>
                {p.document.originalName}
              </a>
            ) : (
              <span safe>{p.document.originalName}</span>
            )}{' '}
            <span class="muted" safe>{`(${documentMeta(p.ctx, p.document)})`}</span>
          </p>
          {p.statement.isPublic ? (
            ''
          ) : (
            <p class="muted" safe>
              {t.filesDocumentNotPublic}
            </p>
          )}
          <RemoveForm
            csrf={p.csrf}
            action={`${action}/remove`}
            version={p.statement.version}
            label={t.filesRemoveDocumentButton}
          />
        </>
      ) : (
        <>
          <p class="muted" safe>
            {t.filesNoDocument}
          </p>
          {p.statement.externalUrl ? (
            <p>
              <span safe>{`${t.filesDocumentExternal} `}</span>
              <a href={p.statement.externalUrl} safe>
                {p.statement.externalUrl}
              </a>
            </p>
          ) : (
            ''
          )}
        </>
      )}
      <UploadForm
        ctx={p.ctx}
        csrf={p.csrf}
        action={action}
        version={p.statement.version}
        field="document"
        label={t.filesDocumentLabel}
        help={t.filesDocumentHelp(formatByteSize(p.limitBytes, locale))}
        accept="application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.pdf,.docx"
        problem={p.problem}
      />
    </WorkspaceLayout>
  );
}

/** "Read the full document" with its type and size, linking the stored file. */
export function FullDocumentLink({ ctx, file }: { ctx: PageContext; file: FileRef }) {
  return (
    <>
      <a href={fileUrl(file)} safe>
        {ctx.t.statementFullDocument}
      </a>{' '}
      <span class="muted" safe>{`(${documentMeta(ctx, file)})`}</span>
    </>
  );
}

/** The logos of the organizations behind a release, in boilerplate order. */
export function LogoStrip({ ctx, items }: { ctx: PageContext; items: { name: string; logo: FileRef }[] }) {
  if (items.length === 0) return '';
  return (
    <ul class="logo-strip" aria-label={ctx.t.filesReleaseLogos}>
      {items.map((item) => (
        <li>
          <OrganizationLogo ctx={ctx} logo={item.logo} name={item.name} />
        </li>
      ))}
    </ul>
  );
}
