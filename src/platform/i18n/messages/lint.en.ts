/** The linter's findings and the import page, in English (spread into en.ts). */
const q = (s: string) => `“${s}”`;

export const lintEn = {
  lintPlaceholderLink: (text: string, target: string) =>
    `The link ${q(text)} goes nowhere: its address is ${q(target)}.`,
  lintPlaceholderLinkFix: 'Link the real document, or remove the link.',
  lintOrgWithoutBoilerplate: (name: string) => `${name} is named in the release but has no “About” paragraph.`,
  lintOrgWithoutBoilerplateFix: (name: string) =>
    `Add an “About” paragraph for ${name} (from the registry, or ask them).`,
  lintBoilerplateNotNamed: (name: string) =>
    `There is an “About” paragraph for ${name}, but the release never names it.`,
  lintBoilerplateNotNamedFix: (name: string) => `Name ${name} in the release, or remove its paragraph.`,
  lintOrgNameInconsistent: (name: string, first: string) =>
    `${q(name)} and ${q(first)} are the same organization under two names.`,
  lintOrgNameInconsistentFix: (name: string) => `Use one name throughout: ${q(name)}.`,
  lintWebsiteMisspelled: (site: string, name: string) => `The website ${site} looks like a misspelling of ${name}.`,
  lintWebsiteDiffers: (site: string, registered: string) =>
    `The website ${site} differs from the registry's (${registered}).`,
  lintWebsiteFix: (site: string) => `Check it; the likely address is ${site}.`,
  lintWebsiteCheckFix: 'Check the address before sending the release.',
  lintEmailMisspelled: (email: string, domain: string) =>
    `The e-mail ${email} looks misspelled: the organization's domain is ${domain}.`,
  lintEmailFix: (email: string) => `Did you mean ${email}?`,
  lintContactNoOrganization: (name: string) => `The press contact ${name} is not linked to any organization.`,
  lintContactNoOrganizationFix: (name: string) => `Say which organization ${name} speaks for.`,
  lintContactNoPhone: (name: string) => `The press contact ${name} has no phone number.`,
  lintContactNoEmail: (name: string) => `The press contact ${name} has no e-mail address.`,
  lintContactHiddenEmail: (name: string) => `The e-mail of ${name} was hidden by the web page it was copied from.`,
  lintContactOnlyHiddenEmail:
    'The press contact is only an e-mail address that the web page it was copied from hid: no name, no phone.',
  lintContactOnlyHiddenEmailFix:
    'Give the contact’s name, e-mail and phone (from the registry, or from the issuing organization).',
  lintContactAddFix: 'Add it from the registry.',
  lintPhoneMalformed: (phone: string) => `The phone number ${q(phone)} is not a valid number.`,
  lintPhoneFix: 'Write it with its country code, e.g. +1 443 396 3317.',
  lintEmailMalformed: (email: string) => `${q(email)} is not a valid e-mail address.`,
  lintEmailMalformedFix: 'Correct the address.',
  lintQuoteNoRole: (speaker: string) => `The quote from ${speaker} does not say their role or organization.`,
  lintQuoteNoRoleFix: (speaker: string) => `Add ${speaker}'s title and organization after the name.`,
  lintAttributionSplit: (speaker: string) =>
    `The bold in the attribution to ${speaker} begins or ends in the middle of the name.`,
  lintAttributionSplitFix: (attribution: string) => `Format the attribution as one piece: **${attribution}**.`,
  lintBoilerplateHeading: (heading: string, usual: string) =>
    `This “About” paragraph starts with ${q(heading)}, unlike the others (${q(usual)}).`,
  lintBoilerplateHeadingFix: (fixed: string) => `Start it like the others: ${q(fixed)}.`,
  lintBoilerplateEmphasis: (italic: number, total: number) =>
    `${italic} of the ${total} “About” paragraphs are in italics and the others are not.`,
  lintBoilerplateEmphasisFix: 'Format every “About” paragraph the same way.',
  lintBoilerplateNoWebsite: (name: string) => `The “About” paragraph for ${name} gives no website.`,
  lintBoilerplateNoWebsiteFix: (site: string | null) =>
    site ? `Add its website: ${site}.` : 'Add its website, or record in the registry that it has none.',
  lintReleaseLineColon: (text: string) => `${q(text)} ends with a colon; the release line stands alone.`,
  lintReleaseLineColonFix: (text: string) => `Write ${q(text)}.`,
  lintDateMismatch: (header: string, dateline: string) =>
    `The release is dated ${header}, but the dateline says ${dateline}.`,
  lintDateMismatchFix: 'Use the same date in both places.',
  lintEmbargoPast: (when: string) => `The embargo (${when}) has already passed.`,
  lintEmbargoPastFix: 'Change the release line to FOR IMMEDIATE RELEASE, or set a new embargo.',
  lintCountMismatch: (claim: string, listed: number) =>
    `The text says ${q(claim)}, but it names ${listed} organizations.`,
  lintCountMismatchFix: 'Correct the number, or name the missing organizations.',
  lintCountListsDisagree: (named: number, about: number) =>
    `The lead names ${named} organizations, but ${about} “About” paragraphs follow.`,
  lintCountListsDisagreeFix: 'Add the missing “About” paragraphs, or check the list of organizations in the lead.',
  lintQuoteNoTitle: (speaker: string) => `The quote from ${speaker} gives an organization but no title or role.`,
  lintQuoteNoTitleFix: (speaker: string) => `Add ${speaker}'s title or role (for example “director of …”).`,
  lintListBroken: (blank: number) => `${blank} blank lines break the bulleted list in two.`,
  lintListBrokenFix: 'Remove the blank lines between the items.',
  lintTextCut:
    'The text stops in the middle of a sentence: part of it may have been lost when it was copied. Missing websites, About paragraphs and e-mails are not reported for the lost part.',
  lintTextCutFix: 'Paste the whole release again, down to the end mark (###) and the About paragraphs.',
  lintMissingLanguage: (block: string, language: string) => `The ${block} has no ${language} text.`,
  lintMissingLanguageFix: (language: string) => `Write or translate the ${language} version.`,
  lintLanguageName: (code: 'en' | 'es') => (code === 'en' ? 'English' : 'Spanish'),
  lintBlockName: (kind: string, n: number) =>
    ({ headline: 'headline', subheadline: 'subheadline', dateline: 'dateline', lead: 'lead' })[kind] ??
    `${kind === 'quote' ? 'quote' : kind === 'highlights' ? 'list introduction' : kind === 'highlight' ? 'bullet' : 'paragraph'} ${n}`,
  lintFindingsTitle: 'What the linter found',
  lintFindingsNote: 'Checked against the registry, in both languages. Only editors see this list.',
  lintSeverity: (severity: 'error' | 'warning' | 'info') =>
    ({ error: 'Error', warning: 'Warning', info: 'Note' })[severity],
  lintWhere: (where: string) => `Where: ${where}`,
  importNav: 'Import a release',
  importTitle: 'Import a release',
  importIntro:
    'Upload a release as Markdown, plain text, HTML or Word (.docx). You will see what Puente recognized and what it would add to the registry; nothing is saved until you confirm.',
  importFileLabel: 'Release file',
  importFileHint: (mb: number) => `.md, .txt, .html or .docx, up to ${mb} MB.`,
  importLangLabel: 'Language of the release',
  importLangAuto: 'Detect it',
  importSubmit: 'Read the file',
  importReportTitle: 'What Puente recognized',
  importNothingWritten: 'Nothing has been saved yet.',
  importConfidence: (percent: number) => `${percent}% sure`,
  importField: (field: string) =>
    ({
      headline: 'Headline',
      date: 'Date',
      dateline_place: 'Dateline',
      release_line: 'Release line',
      contacts: 'Press contacts',
      organizations: 'Organizations',
      quotes: 'Quotes',
      recommendations: 'Recommendations',
      boilerplates: '“About” paragraphs',
      end_mark: 'End mark',
      lead: 'Lead paragraph',
    })[field] ?? field,
  importUnsure: 'unsure: check it',
  importUnsureIntro: 'Puente is not sure of some fields. Check each one against the file, then tick it.',
  importUnsureConfirm: (field: string) => `I checked the ${field.toLowerCase()}`,
  importUnsureMissing: (fields: string) =>
    `Confirm the fields Puente is unsure of before saving: tick ${fields} once you have checked them against the file.`,
  importOrganizations: 'Organizations',
  importPeople: 'People',
  importMatched: (name: string, how: string) => `matches ${name} in the registry (${how})`,
  importWouldCreate: 'new: will be added to the registry',
  importHow: (how: 'name' | 'alias' | 'acronym' | 'fuzzy') =>
    ({ name: 'same name', alias: 'alias', acronym: 'acronym', fuzzy: 'similar name' })[how],
  importConfirm: 'Save as a draft release',
  importConfirmNote: 'The release is saved as a draft: it is not public until it is published.',
  importDone: (slug: string) => `Saved as the draft release “${slug}”.`,
  importProblem: (problem: string) =>
    ({
      empty: 'The file is empty: there is nothing to import.',
      'too-large': 'The file is too large: a release can be at most 2 MB.',
      'unpacked-too-large':
        'This Word file unpacks to more than 16 MB when opened, far more than any release holds, so it was not read. Save the release again as .docx (or as text) and upload that.',
      'too-complex':
        'This file takes more time or memory to read than any release needs, so reading it was stopped. Save the release again as .docx (or as text) and upload that.',
      binary: 'This is not a text file. Upload Markdown, plain text, HTML or Word (.docx).',
      encoding: 'The file is not UTF-8 text. Save it again as UTF-8 and upload it again.',
      'not-docx': 'This is not a Word document (.docx). Open it in Word and save it as .docx.',
      'unknown-format': 'Upload a .md, .txt, .html or .docx file.',
      'no-file': 'Choose a file to upload.',
    })[problem] ?? problem,
} as const;
