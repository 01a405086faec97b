/**
 * A PDF is trusted when it starts with `%PDF-` and pdf.js (Mozilla's reader, the one Firefox ships)
 * opens it, finds at least one page and can load the first. We also refuse password-protected PDFs
 * (the public could not open them), and PDFs that carry JavaScript or actions that start programs,
 * send data or carry attached files, anywhere in the file (pdf-actions.ts): a statement needs none,
 * and Acrobat would run them on readers' machines. pdf.js is loaded on the first PDF only, in the
 * untrusted-file worker (untrusted.ts).
 */
import { findPdfDanger, MAX_PDF_OBJECT_STREAM_BYTES } from './pdf-actions.js';
import { type UploadProblem, UploadRejected } from './upload-error.js';

const MAGIC = Buffer.from('%PDF-');

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

const DANGER: Record<NonNullable<ReturnType<typeof findPdfDanger>>, UploadProblem> = {
  scripts: { code: 'pdfScripts' },
  actions: { code: 'pdfActions' },
  uncheckable: { code: 'pdfUncheckable' },
  tooLarge: { code: 'unpackedTooLarge', limitBytes: MAX_PDF_OBJECT_STREAM_BYTES },
};

export async function checkPdf(bytes: Uint8Array): Promise<void> {
  if (!MAGIC.equals(Buffer.from(bytes.subarray(0, MAGIC.length)))) {
    throw new UploadRejected('document', { code: 'pdfInvalid' });
  }
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument } = await pdfjs;
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    const document = await task.promise;
    if (document.numPages < 1) throw new UploadRejected('document', { code: 'pdfInvalid' });
    await document.getPage(1);
    if (await document.getJSActions()) throw new UploadRejected('document', { code: 'pdfScripts' });
  } catch (error) {
    if (error instanceof UploadRejected) throw error;
    // pdf.js does not export PasswordException; it is recognized by name.
    if ((error as Error)?.name === 'PasswordException') throw new UploadRejected('document', { code: 'pdfEncrypted' });
    throw new UploadRejected('document', { code: 'pdfInvalid' });
  } finally {
    await task.destroy();
  }
  const danger = findPdfDanger(bytes);
  if (danger) throw new UploadRejected('document', DANGER[danger]);
}
