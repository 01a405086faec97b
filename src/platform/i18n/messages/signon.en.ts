/** Strings for sign-on (issue 5): members sign their organization onto a statement; editors decide. */
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
  signonNotYetAsked: 'has not signed this statement.',
  signonSignButton: 'Sign this statement for my organization',
  signonWithdrawButton: 'Withdraw our signature',
  signonWithdrawHelp: 'Possible until the statement is published.',
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
  signonPublishedReason:
    'This statement is already published, so its signatories can no longer be changed here: ask the editors to change them.',
} as const;
