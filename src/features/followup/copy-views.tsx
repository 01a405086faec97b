/**
 * The "Attach a copy" / "Replace copy" / "Remove copy" forms under each response, evidence link and
 * meeting on the editors' recommendation page. One file per form (features/files/multipart.ts), so
 * each copy has its own small form; a refused file comes back next to that form's file field.
 */
import type { PageContext } from '../../platform/web/page-context.js';
import { ButtonForm, FileField, HiddenFields } from '../../ui/form.js';
import type { FileRef, UploadProblem } from '../files/index.js';
import { formatByteSize, problemMessage } from '../files/index.js';
import type { CopyKind } from './copy-service.js';

/** Where the page put a refused upload, so the message appears next to the right field. */
export interface CopyProblem {
  kind: CopyKind;
  id: number;
  problem: UploadProblem;
}

export interface CopyFormProps {
  ctx: PageContext;
  csrf: string;
  /** The recommendation page the forms post from (`…/recommendations/{id}`). */
  base: string;
  kind: CopyKind;
  id: number;
  /** The version checked: the entry's, or for evidence its status update's. */
  version: number;
  label: string;
  copy: FileRef | null;
  limitBytes: number;
  problem: CopyProblem | null;
}

export const copyAction = (base: string, kind: CopyKind, id: number) => `${base}/copy/${kind}/${id}`;

const ACCEPT = 'application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.pdf,.docx';

export function CopyForms(p: CopyFormProps) {
  const { t, locale } = p.ctx;
  const fieldId = `copy-${p.kind}-${p.id}`;
  const problem = p.problem && p.problem.kind === p.kind && p.problem.id === p.id ? p.problem.problem : null;
  const action = copyAction(p.base, p.kind, p.id);
  return (
    <div class="copy-forms" data-copy-form={`${p.kind}-${p.id}`}>
      <form method="post" action={action} enctype="multipart/form-data" class="form upload-form inline">
        {/* _csrf first: the server checks it before it reads the file. */}
        <HiddenFields csrf={p.csrf} version={p.version} />
        <FileField
          id={fieldId}
          name="document"
          label={p.label}
          hint={`${p.copy ? '' : `${t.followupCopyNone} `}${t.followupCopyHelp(formatByteSize(p.limitBytes, locale))}`}
          accept={ACCEPT}
          error={problem ? problemMessage(t, 'document', problem, locale) : null}
        />
        <button type="submit" aria-label={`${p.copy ? t.followupCopyReplace : t.followupCopyAttach}: ${p.label}`} safe>
          {p.copy ? t.followupCopyReplace : t.followupCopyAttach}
        </button>
      </form>
      {p.copy ? (
        <ButtonForm
          action={`${action}/remove`}
          csrf={p.csrf}
          version={p.version}
          label={t.followupCopyRemove}
          formClass="inline"
          buttonClass="button-secondary"
          ariaLabel={`${t.followupCopyRemove}: ${p.label}`}
        />
      ) : (
        ''
      )}
    </div>
  );
}
