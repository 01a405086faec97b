/** UI strings of uploads (logos and statements' full documents), spread into en.ts. */
export const filesEn = {
  filesLogoAlt: (name: string) => `Logo of ${name}`,
  filesReleaseLogos: 'The organizations',
  filesLogoTitle: 'Organization logo',
  filesLogoIntro: 'The logo is shown in the directory, on the organization’s page and with its press releases.',
  filesLogoLabel: 'Logo file',
  filesLogoHelp: (limit: string) =>
    `PNG, JPEG or SVG, up to ${limit}. SVG files are cleaned before they are stored: scripts, links and anything loaded from elsewhere are removed.`,
  filesCurrentLogo: 'Current logo',
  filesNoLogo: 'No logo yet.',
  filesRemoveLogoButton: 'Remove the logo',
  filesDocumentTitle: 'Full document of the statement',
  filesDocumentIntro: 'Readers find it on the statement’s page, under “Read the full document”.',
  filesDocumentLabel: 'Document file',
  filesDocumentHelp: (limit: string) =>
    `PDF or Word (DOCX), up to ${limit}. The public can download it only while the statement is published.`,
  filesCurrentDocument: 'Current document',
  filesNoDocument: 'No document yet.',
  filesDocumentExternal: 'Until one is uploaded, “Read the full document” points to this address:',
  filesDocumentNotPublic: 'Not public yet: the statement is a draft, embargoed or withdrawn.',
  filesRemoveDocumentButton: 'Remove the document',
  filesUploadButton: 'Upload',
  filesSaved: 'Saved.',
  filesRemoved: 'Removed.',
  filesTypePdf: 'PDF',
  filesTypeDocx: 'Word (DOCX)',
  filesDocumentMeta: (type: string, size: string) => `${type}, ${size}`,
  filesErrorNoFile: 'No file was chosen. Choose a file, then press “Upload”.',
  filesErrorEmpty:
    'The file is empty (0 bytes). Choose it again; if it is still empty, save it again from the program that made it.',
  filesErrorTooLarge: (limit: string) =>
    `The file is larger than ${limit}, the most accepted here. Make it smaller (export the logo at a smaller size, or the PDF with “reduce file size”) and upload it again.`,
  filesErrorWrongTypeLogo: (found: string | null) =>
    `${found ? `This file is ${found}` : 'This file is not an image Puente recognizes'}, not a PNG, JPEG or SVG image (the file’s name does not matter: Puente looks at its content). Choose the logo as PNG, JPEG or SVG.`,
  filesErrorWrongTypeDocument: (found: string | null) =>
    `${found ? `This file is ${found}` : 'This file is not a document Puente recognizes'}, not a PDF or Word (DOCX) document (the file’s name does not matter: Puente looks at its content). Choose the statement as PDF or DOCX.`,
  filesErrorImageBroken: 'This image is damaged or cut short. Export it again and upload the new file.',
  filesErrorSvgInvalid:
    'This SVG cannot be read as SVG (it is not well-formed XML with an <svg> element). Export it again with “Save as SVG” and upload the new file.',
  filesErrorSvgDoctype:
    'This SVG contains a DOCTYPE or entity declarations, which are not accepted. Export it again as plain SVG, without a DTD.',
  filesErrorPdfInvalid:
    'This PDF cannot be opened: it is damaged or not really a PDF. Export it again and upload the new file.',
  filesErrorPdfEncrypted:
    'This PDF is protected by a password, so readers could not open it. Save a copy without a password and upload that.',
  filesErrorPdfScripts:
    'This PDF contains JavaScript, which is not published. Export it again without scripts or form actions (for example with “Print to PDF”).',
  filesErrorPdfActions:
    'This PDF contains actions that start programs, send or import data, or attached files, which are not published. Export it again without them (for example with “Print to PDF”).',
  filesErrorPdfUncheckable:
    'Puente cannot check everything inside this PDF (part of it is encrypted or compressed in an unusual way), so it is not published. Export it again with “Print to PDF” and upload the new file.',
  filesErrorUnpackedTooLarge: (limit: string) =>
    `This file unpacks to more than ${limit} when opened, far more than any real document, so it was not read. Export it again and upload the new file.`,
  filesErrorTooComplex:
    'This file takes more time or memory to read than any real document needs, so reading it was stopped. Export it again (for a PDF, with “Print to PDF”) and upload the new file.',
  filesErrorDocxInvalid:
    'This Word file cannot be opened: it is damaged. Save it again as .docx and upload the new file.',
  filesErrorDocxNotWord:
    'This file is a ZIP archive but not a Word document. Save the statement as .docx (not .docm or another format), or as PDF, and upload that.',
  filesErrorBadForm: 'The form arrived incomplete or with unexpected parts. Reload the page and try again.',
} as const;
