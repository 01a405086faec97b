/** Strings for sign-on (issue 5): members sign their organization onto a statement; editors decide. */
import { addressedToEn } from '../addressed-to.js';

type OwnStatus = 'none' | 'pending' | 'approved' | 'declined' | 'withdrawn' | 'listed';

export const signonEn = {
  signonTitle: 'Sign-on',
  signonListHelpMember:
    'Statements your coalition has opened for sign-on. Read one, then sign it for your organization; you can take the signature back until it is published.',
  signonListHelpEditor:
    'Open a statement for sign-on so member organizations can ask to sign it; approve or decline their requests. Approved organizations appear among the signatories once the statement is public.',
  signonNone: 'No statement is open for sign-on.',
  signonOpen: 'open for sign-on',
  signonClosed: 'sign-on closed',
  signonNotOpened: 'not opened for sign-on',
  signonPendingCount: (n: number) => (n === 1 ? '1 request waiting' : `${n} requests waiting`),
  signonStatus: (status: 'pending' | 'approved' | 'declined' | 'withdrawn') =>
    ({
      pending: 'asked to sign, waiting for the editors',
      approved: 'signed (approved)',
      declined: 'declined by the editors',
      withdrawn: 'signature withdrawn',
    })[status],
  signonYourOrganization: 'Your organization',
  signonOwnStatus: (status: OwnStatus) =>
    ({
      none: 'Your organization has not signed this statement yet.',
      pending: 'Your organization has asked to sign this statement; the editors have not decided yet.',
      approved: 'Your organization has signed this statement: the editors approved its signature.',
      declined:
        "The editors declined your organization's request to sign this statement. If you think this is a mistake, write to them.",
      withdrawn: 'Your organization withdrew its signature from this statement.',
      listed:
        'Your organization is already among the signatories: the editors added it. To change that, write to the editors.',
    })[status],
  signonSignButton: (organization: string) => `Sign this statement for ${organization}`,
  signonSignHelp:
    'Your signature goes to the editors, who approve each one. You can withdraw it until the statement is published.',
  signonWithdrawLater: 'The statement is published, so the signature can no longer be withdrawn here: ask the editors.',
  signonSigningFor: 'You are signing for',
  signonEditorsDoNotSign:
    "Your account does not belong to an organization, so there is nothing for you to sign here: you open sign-on and decide on requests, and organizations sign through their members' accounts.",
  signonDeadline: 'Deadline to sign',
  signonNoDeadline: 'No deadline: open until the editors close it.',
  signonDeadlinePassed: (when: string) => `Sign-on is closed: the deadline was ${when}.`,
  signonOpenNotice: 'Sign-on is open: member organizations can sign.',
  signonClosesOn: (when: string) => `closes ${when}`,
  signonGoToSign: 'Read the statement below; the form to sign is at the end of the page.',
  signonClosedNotice: 'Sign-on is closed: the editors are no longer taking signatures.',
  signonNotOpenedNotice: 'Sign-on has not been opened for this statement yet.',
  signonStatementHeading: 'What you are signing',
  signonRecommendationsHeading: (n: number) => (n === 1 ? 'The recommendation (1)' : `The recommendations (${n})`),
  signonAddressedTo: addressedToEn,
  signonIntroTo: (to: string) => `The signatory organizations address the following recommendations ${to}.`,
  signonIntro: 'The signatory organizations make the following recommendations.',
  signonRecommendationTo: (to: string) => `Addressed ${to}.`,
  signonThemes: 'Themes',
  signonSignatoriesHeading: 'Signatories so far',
  signonSignatoriesHelp:
    'Organizations whose signature the editors have approved, in the order the statement lists them.',
  signonNoSignatories: 'No organization has signed yet.',
  signonSignedNotice: (organization: string, when: string) =>
    `Recorded: on ${when} ${organization} asked to sign this statement. The editors will review the request; its status is on this page.`,
  signonWithdrawnNotice: (organization: string) => `Recorded: ${organization}'s signature was withdrawn.`,
  signonDeadlineLocal: 'Closes on (date and time)',
  signonDeadlineHint: 'Leave it empty for no deadline. After this time members can no longer sign.',
  signonTimeZoneHint:
    'The zone members read the deadline in: pick one of the coalition’s or type any other by its name (Asia/Manila). It is stored as one instant.',
  signonDeadlineButton: 'Save the deadline',
  signonErrDeadline: 'Give a date and time still ahead that exists in the chosen time zone.',
  signonWithdrawButton: 'Withdraw our signature',
  signonWithdrawHelp: 'You can withdraw it until the statement is published.',
  signonOpenButton: 'Open for sign-on',
  signonCloseButton: 'Close sign-on',
  signonRequestsTitle: 'Requests to sign',
  signonNoRequests: 'No organization has asked to sign yet.',
  signonApproveButton: 'Approve',
  signonDeclineButton: 'Decline',
  signonColumnOrganization: 'Organization',
  signonColumnStatus: 'Status',
  signonColumnDecision: 'Decision',
  signonDraftNotice: 'Not public: only member organizations asked to sign and the editors can read this text.',
  signonAccountLink: 'Sign-on: statements to sign',
  signonClosedReason:
    'Sign-on for this statement is closed. If your organization still wants to sign, ask the editors.',
  signonAlreadyRequestedReason:
    'Your organization has already asked to sign this statement; its request is on the sign-on page. Withdraw it there first if you want to send it again.',
  signonNothingToWithdrawReason:
    'Your organization has no signature on this statement to withdraw. The page you came from may be out of date: reload it to see where things stand.',
  signonAlreadyDecidedReason:
    'Another editor has already decided on this request. Reload the sign-on page to see its current state.',
  signonDeadlinePassedReason:
    'The deadline to sign this statement has passed, so no more signatures are taken. If your organization still wants to sign, write to the editors.',
  signonDeadlineInvalidReason:
    'The deadline was not saved: give a date and time still ahead in the chosen time zone (a time skipped when the clocks change does not exist there), or leave it empty for no deadline.',
  signonAlreadySignatoryReason:
    'Your organization is already among the signatories of this statement, so there is nothing to sign. To change that, write to the editors.',
  signonPublishedReason:
    'This statement is already published, so its signatories can no longer be changed here: ask the editors to change them.',
} as const;
