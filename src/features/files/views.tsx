/** Upload forms (logo, full document) and how pages show a logo or link a document. */
import type { Catalog } from '../../platform/i18n/catalog.js';
import type { UserRow } from '../../platform/sessions.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { ButtonForm, FileField, HiddenFields } from '../../ui/form.js';
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
    case 'pdfActions':
      return t.filesErrorPdfActions;
    case 'pdfUncheckable':
      return t.filesErrorPdfUncheckable;
    case 'unpackedTooLarge':
      return t.filesErrorUnpackedTooLarge(formatByteSize(problem.limitBytes, locale));
    case 'tooComplex':
      return t.filesErrorTooComplex;
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
  return (
    <form method="post" action={p.action} enctype="multipart/form-data" class="form upload-form">
      {/* _csrf first: the server checks it before it reads the file. */}
      <HiddenFields csrf={p.csrf} version={p.version} />
      <FileField
        id={`f-${p.field}`}
        name={p.field}
        label={p.label}
        hint={p.help}
        accept={p.accept}
        error={p.problem ? problemMessage(t, p.field, p.problem, locale) : null}
      />
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

/**
 * What the logo and the document pages share: the owner's name, the notice after a change, the current
 * file (the children) with its remove button while there is one, and the upload form.
 */
function UploadPage(p: {
  ctx: PageContext;
  user: UserRow;
  csrf: string;
  title: string;
  subject: string;
  intro: string;
  currentHeading: string;
  notice: string | null;
  action: string;
  version: number;
  /** Null while there is no file to remove. */
  removeLabel: string | null;
  upload: Pick<UploadFormProps, 'field' | 'label' | 'help' | 'accept'>;
  problem: UploadProblem | null;
  children: JSX.Element;
}) {
  return (
    <WorkspaceLayout ctx={p.ctx} user={p.user} csrf={p.csrf} title={`${p.title}: ${p.subject}`}>
      <h1 safe>{p.title}</h1>
      <p class="lede" safe>
        {p.subject}
      </p>
      <p safe>{p.intro}</p>
      <Notice text={p.notice} />
      <h2 safe>{p.currentHeading}</h2>
      {p.children as 'safe'}
      {p.removeLabel ? (
        <RemoveForm csrf={p.csrf} action={`${p.action}/remove`} version={p.version} label={p.removeLabel} />
      ) : (
        ''
      )}
      <UploadForm {...p.upload} ctx={p.ctx} csrf={p.csrf} action={p.action} version={p.version} problem={p.problem} />
    </WorkspaceLayout>
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
  return (
    <UploadPage
      {...p}
      title={t.filesLogoTitle}
      subject={p.organization.name}
      intro={t.filesLogoIntro}
      currentHeading={t.filesCurrentLogo}
      action={`/${locale}/workspace/organizations/${p.organization.slug}/logo`}
      version={p.organization.version}
      removeLabel={p.logo ? t.filesRemoveLogoButton : null}
      upload={{
        field: 'logo',
        label: t.filesLogoLabel,
        help: t.filesLogoHelp(formatByteSize(p.limitBytes, locale)),
        accept: 'image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg',
      }}
    >
      {p.logo ? (
        <p>
          <OrganizationLogo ctx={p.ctx} logo={p.logo} name={p.organization.name} />
        </p>
      ) : (
        <p class="muted" safe>
          {t.filesNoLogo}
        </p>
      )}
    </UploadPage>
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
  return (
    <UploadPage
      {...p}
      title={t.filesDocumentTitle}
      subject={p.statement.title}
      intro={t.filesDocumentIntro}
      currentHeading={t.filesCurrentDocument}
      action={`/${locale}/workspace/statements/${p.statement.slug}/document`}
      version={p.statement.version}
      removeLabel={p.document ? t.filesRemoveDocumentButton : null}
      upload={{
        field: 'document',
        label: t.filesDocumentLabel,
        help: t.filesDocumentHelp(formatByteSize(p.limitBytes, locale)),
        accept: 'application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.pdf,.docx',
      }}
    >
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
    </UploadPage>
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
