/**
 * Why an upload was refused, as data: the route turns it into a sentence in the reader's language
 * (which field, what is wrong, what to do) next to the file field, and nothing is stored.
 */
import { AppError } from '../../platform/errors.js';

export type UploadField = 'logo' | 'document';

export type UploadProblem =
  | { code: 'noFile' }
  | { code: 'empty' }
  | { code: 'tooLarge'; limitBytes: number }
  /** `found`: what the bytes are (e.g. "PNG"), or null when they are nothing Puente recognizes. */
  | { code: 'wrongType'; found: string | null }
  | { code: 'imageBroken' }
  | { code: 'svgInvalid' }
  | { code: 'svgDoctype' }
  | { code: 'pdfInvalid' }
  | { code: 'pdfEncrypted' }
  | { code: 'pdfScripts' }
  /** Launch, SubmitForm, ImportData and other actions, or attached files: anything but links and page jumps. */
  | { code: 'pdfActions' }
  /** Parts of the PDF (object streams) Puente cannot decode, so it cannot check them. */
  | { code: 'pdfUncheckable' }
  | { code: 'docxInvalid' }
  | { code: 'docxNotWord' }
  /** A ZIP (DOCX) whose parts unpack to more than `limitBytes`: how ZIP bombs are built. */
  | { code: 'unpackedTooLarge'; limitBytes: number }
  /** Reading the file took more time or memory than any real one needs. */
  | { code: 'tooComplex' }
  | { code: 'badForm' };

const STATUS: Partial<Record<UploadProblem['code'], number>> = {
  tooLarge: 413,
  unpackedTooLarge: 413,
  wrongType: 415,
};

export class UploadRejected extends AppError {
  constructor(
    readonly field: UploadField,
    readonly problem: UploadProblem,
  ) {
    super(`Upload refused (${field}): ${problem.code}`, STATUS[problem.code] ?? 400);
  }
}
