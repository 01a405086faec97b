import { accountsEn } from './accounts.en.js';
import { openSignonEn } from './open-signon.en.js';
import { pressEn } from './press.en.js';
import { searchEn } from './search.en.js';
import { sheetImportEn } from './sheet-import.en.js';
import { signonEn } from './signon.en.js';
import { staticExportEn } from './static-export.en.js';

/** English UI strings. Every key must exist in es.ts too (the type check enforces it). */

import { apiEn } from './api.en.js';
import { editorialEn } from './editorial.en.js';
import { feedsEn } from './feeds.en.js';
import { filesEn } from './files.en.js';
import { followupEn } from './followup.en.js';
import { homeEn } from './home.en.js';
import { lintEn } from './lint.en.js';
import { mailEn } from './mail.en.js';
import { registryEn } from './registry.en.js';
import { workspaceEn } from './workspace.en.js';
export const en = {
  siteName: 'Puente',
  siteTagline: 'Joint statements and recommendations of civil-society coalitions',
  skipToContent: 'Skip to content',
  mainNavigation: 'Main',
  navStatements: 'Statements',
  navOrganizations: 'Organizations',
  navReleases: 'Press releases',
  languageSwitchLabel: 'Language',
  /** Shown in the other language's own words, so a reader who can't read this page still finds it. */
  switchToThisLanguage: 'English',
  footerNote: 'Published with Puente, open-source software for civil-society coalitions.',
  pagerLabel: 'Pages of the list',
  pagerPrevious: 'Previous page',
  pagerNext: 'Next page',
  pagerFirst: 'First page',

  homeTitle: 'Statements',
  homeIntro: 'Joint statements and recommendations our member organizations have addressed to governments.',
  homeEmpty: 'No statements have been published yet.',
  homeReviewsFollowed: 'UPR recommendations we follow',
  recommendationCount: (n: number) => (n === 1 ? '1 recommendation' : `${n} recommendations`),
  signatoryCount: (n: number) => (n === 1 ? '1 organization' : `${n} organizations`),

  statementDate: 'Date',
  statementOccasion: 'Occasion',
  statementAddressedTo: 'Addressed to',
  statementSummary: 'Summary',
  statementRecommendations: 'Recommendations',
  statementSignatories: 'Signatory organizations',
  statementQuotes: 'Quotes',
  statementFullDocument: 'Read the full document',
  statementThemeFilter: 'Show the recommendations on one theme',
  statementThemeShowing: (theme: string, shown: number, total: number) =>
    `Showing the ${shown === 1 ? 'recommendation' : `${shown} recommendations`} on “${theme}” (of ${total}).`,
  statementThemeUnknown: 'That theme is not one of this statement’s; showing every recommendation.',
  statementThemeClear: 'Show all recommendations',
  recommendationFollowupLink: (n: number) => `Follow-up on recommendation ${n}`,
  roleConvener: 'Convener',
  roleSignatory: 'Signatory',

  recommendationTitle: (n: number) => `Recommendation ${n}`,
  recommendationOf: 'From the statement',
  recommendationThemes: 'Themes',
  recommendationAddressees: 'Addressed to',
  statementKind: 'Recommendations made by',
  statementKindLabel: (kind: string, cycle: number | null, session: number | null) =>
    kind === 'upr_review'
      ? `States, in the Universal Periodic Review${cycle ? ` (cycle ${cycle}${session ? `, session ${session}` : ''})` : ''}`
      : kind === 'treaty_body'
        ? 'A treaty body'
        : kind === 'special_procedure'
          ? 'A special procedure'
          : 'The coalition',
  recommendationRecommenders: 'Recommended by',
  recommendationSdgs: 'Sustainable Development Goals',
  recommendationSourceReference: 'Number in the source',
  recommendationEchoes: 'Echoes these recommendations',
  recommendationEchoedBy: 'Echoed by these recommendations',
  backToStatement: 'Back to the statement',

  organizationsTitle: 'Organizations',
  organizationsIntro: 'The member organizations of the coalition.',
  organizationsEmpty: 'No organizations yet.',
  organizationAbout: 'About',
  organizationNoBoilerplate: 'This organization has not provided its “About” text in English yet.',
  organizationWebsite: 'Website',
  organizationCountry: 'Country',
  organizationKind: 'Type',
  organizationStatementsSigned: 'Statements signed',
  organizationNoStatements: 'This organization has not signed any published statement yet.',
  organizationAlsoKnownAs: 'Also known as',

  kindNgo: 'Non-governmental organization',
  kindNetwork: 'Network',
  kindAcademic: 'Academic institution',
  kindFaithBased: 'Faith-based organization',
  kindAgency: 'Agency',
  kindGovernment: 'Government',
  kindOther: 'Other',

  releaseImmediate: 'FOR IMMEDIATE RELEASE',
  releaseEmbargoed: (when: string) => `EMBARGOED UNTIL ${when}`,
  releasePressContacts: 'PRESS CONTACTS',
  releaseFullDocument: 'Read the full document',
  releaseAboutOrganizations: 'About the organizations',
  releaseOfStatement: 'This release presents the statement',
  releaseDownloads: 'Download this release',
  releaseDownloadPdf: 'PDF',
  releaseDownloadDocx: 'Word (DOCX)',
  releaseDownloadMd: 'Markdown',
  releaseDownloadTxt: 'Plain text',
  releaseGapBoilerplate: (organization: string) => `${organization} has no “About” text in English.`,
  releaseGapPhone: (person: string) => `Press contact ${person} has no phone number.`,
  releaseGapEmail: (person: string) => `Press contact ${person} has no e-mail address.`,
  releaseGapsTitle: 'Missing pieces',
  releaseGapsNote:
    'Only editors see this list. The release still renders; fill these in the registry and every format follows.',
  releaseGapUntranslated: 'Some of this release is not yet translated into English and is shown in the original.',
  newsroomTitle: 'Press releases',
  newsroomIntro: 'Press releases of the coalition, newest first.',
  newsroomEmpty: 'No press releases have been published yet.',
  statementReleases: 'Press releases',
  statementReleasesMore: 'More press releases in the newsroom',

  tooManyRequests: 'Too many attempts from this address. Please wait a moment and try again.',
  notYetTranslated: 'Not yet translated; shown in the original language.',

  notFoundTitle: 'Page not found',
  notFoundBody: 'We could not find this page. It may have moved, or the address may be mistyped.',
  notFoundHome: 'Go to the statements',
  refusedTitle: 'This could not be done',
  refusedBody:
    'Nothing was changed. The request was incomplete, or the page it came from is out of date: go back, reload the page and try again.',
  refusedConflictTitle: 'Someone changed this in the meantime',
  refusedConflictBody:
    'Nothing of yours was saved, because this changed after you opened it. Go back and reload the page to see the current version, then make your change again.',
  refusedTooLargeBody: 'Nothing was changed: what was sent is larger than this server accepts.',
  refusedMediaTypeBody: 'Nothing was changed: this address only takes the forms of its own pages.',
  unreadableInputReason:
    'Nothing was changed: the address or the form held characters that cannot be read as text (a null byte, or broken character encoding). Check what was typed or pasted, and try again.',
  refusedBack: 'Go to the start page',
  errorTitle: 'Something went wrong',
  errorBody: 'We could not show this page. Please try again in a moment.',
  signInTitle: 'Sign in',
  signInFailed: 'That email and password did not work. Check them and try again, or wait a few minutes.',
  emailLabel: 'Email',
  passwordLabel: 'Password',
  signInButton: 'Sign in',
  accountTitle: 'Your account',
  signedInAs: 'Signed in as',
  roleName: (role: 'admin' | 'editor' | 'member') =>
    role === 'admin' ? 'coalition admin' : role === 'editor' ? 'editor' : 'organization member',
  signOutButton: 'Sign out',
  signOutEverywhereHelp: 'Lost a device or used a shared computer? This signs you out on every device.',
  signOutEverywhereButton: 'Sign out everywhere',
  setPasswordTitle: 'Choose a password',
  newPasswordLabel: 'New password (at least 12 characters)',
  passwordTooShort: 'The password must have at least 12 characters.',
  setPasswordButton: 'Save password',
  linkNotValid:
    'This link no longer works: it has been used, it has expired, or the password was changed after it was sent. Ask for a new one with “Forgot your password?” on the sign-in page, or ask the coalition admin.',
  boilerplateEditTitle: 'Edit the “About” text',
  boilerplateLabel: (language: string) => `“About” text in ${language}`,
  saveButton: 'Save',
  publishButton: 'Publish',
  unpublishButton: 'Unpublish',
  conflictTitle: 'Someone else changed this first',
  conflictBody: 'Your change was not saved, because this was changed after you opened it. Here is what changed:',
  conflictChangedBy: (who: string, when: string) => `Changed by ${who} at ${when}`,
  conflictField: 'Field',
  conflictBefore: 'Before',
  conflictAfter: 'After',
  conflictRetry: 'Reload the page, check the current text, and make your change again.',
  historyTitle: (entity: string, id: string) => `History of ${entity} ${id}`,
  historyEmpty: 'No recorded changes yet.',
  historyExportCsv: 'Download as CSV',
  entityName: (entity: string) =>
    ({ organization: 'organization', statement: 'statement', user: 'user' })[entity] ?? entity,
  forgotPasswordLink: 'Forgot your password?',
  forgotPasswordTitle: 'Reset your password',
  forgotPasswordHelp: 'Enter the email address of your account. We will send you a link to choose a new password.',
  forgotPasswordButton: 'Send the link',
  forgotPasswordSent:
    'If there is an account for that address, we have sent it a link. The link works once, within one hour.',
  forgotPasswordNoMail:
    "This server cannot send email, so it cannot send you a link. Ask your coalition's coordinator or admin for a sign-in link: they can make one for you.",
  resetMailSubject: 'Reset your Puente password',
  resetMailBody: (link: string) =>
    `Someone (hopefully you) asked to reset the password of your Puente account.\n\nTo choose a new password, open this link within one hour. It works only once:\n\n${link}\n\nIf you did not ask for this, ignore this message: your password stays the same.\n`,
  inviteMailSubject: 'You are invited to Puente',
  inviteMailBody: (link: string) =>
    `You have been invited to your coalition's Puente workspace.\n\nTo choose your password, open this link within 72 hours. It works only once:\n\n${link}\n`,
  usersTitle: 'Invite a person',
  roleLabel: 'Role',
  organizationLabel: 'Organization (for organization members)',
  noOrganization: '— none —',
  inviteButton: 'Send the invitation',
  invitationSent: (email: string) => `Invitation sent to ${email}.`,
  mailNotConfigured: 'Email is not set up on this server (SMTP_URL), so no invitation can be sent.',
  twoFactorTitle: 'Two-step sign-in',
  twoFactorCodeLabel: 'The 6-digit code from your authenticator app, or a recovery code',
  twoFactorFailed: 'That code did not work. Codes change every 30 seconds; each works once.',
  twoFactorSetupTitle: 'Two-step sign-in',
  twoFactorSetupHelp:
    'Add this key to an authenticator app on your phone (or open the link below on the phone), then type the 6-digit code it shows.',
  twoFactorOpenInApp: 'Open in an authenticator app',
  twoFactorEnableButton: 'Turn on two-step sign-in',
  twoFactorIsOn: 'Two-step sign-in is on for your account.',
  recoveryCodesTitle: 'Your recovery codes',
  recoveryCodesHelp:
    'Keep these somewhere safe, away from your phone. Each one signs you in once if you lose your phone. They are shown only now.',
  ...filesEn,
  ...feedsEn,
  ...mailEn,
  ...followupEn,
  ...workspaceEn,
  ...homeEn,
  ...registryEn,
  ...accountsEn,
  ...signonEn,
  ...openSignonEn,
  ...pressEn,
  ...lintEn,
  ...editorialEn,
  ...staticExportEn,
  ...sheetImportEn,
  ...searchEn,
  ...apiEn,
} as const;
