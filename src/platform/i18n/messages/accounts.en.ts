/** Strings for accounts administration, two-factor management and the signed-in header (issue 5). */
export const accountsEn = {
  accountsHeaderSignedInAs: 'Signed in as',
  accountsHeaderAccount: 'Your account',
  accountsHeaderSignIn: 'Sign in',
  accountsHeaderLabel: 'Your session',
  accountsAdminNeedsTwoFactor:
    'Coalition admins must turn on two-step sign-in before they can use the admin pages. It takes a minute.',
  accountsPasswordLabel: 'Your password',
  accountsCodeLabel: 'A current code from your app, or one recovery code',
  accountsConfirmFailed: 'The password or the code is wrong. Nothing was changed.',
  accountsConfirmLocked:
    'Too many wrong attempts on this account: it is locked for a few minutes. Wait, then try again. Nothing was changed.',
  accountsTwoFactorOffTitle: 'Turn off two-step sign-in',
  accountsTwoFactorOffHelp:
    'Anyone with your password alone could then sign in. To move to a new phone, turn it off and on again.',
  accountsTwoFactorOffButton: 'Turn off two-step sign-in',
  accountsRegenerateTitle: 'New recovery codes',
  accountsRegenerateHelp: 'You get ten new codes; the old ones, used or not, stop working at once.',
  accountsRegenerateButton: 'Make new recovery codes',
  accountsUsersListTitle: 'People with an account',
  accountsColumnEmail: 'Email',
  accountsColumnRole: 'Role',
  accountsColumnOrganization: 'Organization',
  accountsColumnTwoFactor: 'Two-step sign-in',
  accountsColumnStatus: 'Status',
  accountsColumnLastSignIn: 'Last sign-in',
  accountsOn: 'on',
  accountsOff: 'off',
  accountsActive: 'active',
  accountsDisabled: 'disabled',
  accountsInvited: 'invited, no password yet',
  accountsNever: 'never',
  accountsManage: (email: string) => `Manage ${email}`,
  accountsUserTitle: (email: string) => `Account of ${email}`,
  accountsChangeRoleTitle: 'Role',
  accountsChangeRoleHelp: 'A change of role signs the person out everywhere; they sign in again with the new role.',
  accountsChangeRoleButton: 'Change the role',
  accountsDisableTitle: 'Disable or enable',
  accountsDisableHelp:
    'A disabled account cannot sign in and its sessions end at once. Its history stays. Enabling it lets the person sign in again with their password.',
  accountsDisableButton: 'Disable this account',
  accountsEnableButton: 'Enable this account',
  accountsResendTitle: 'Invitation',
  accountsResendHelp:
    'Sends a new invitation link; earlier links stop working. Only for people who have not chosen a password yet.',
  accountsResendButton: 'Send the invitation again',
  accountsHistoryLink: 'History of this account',
  accountsRoleChanged: (email: string) => `The role of ${email} was changed; they were signed out everywhere.`,
  accountsDisabledDone: (email: string) => `${email} is disabled and signed out everywhere.`,
  accountsEnabledDone: (email: string) => `${email} may sign in again.`,
  accountsInvitationResent: (email: string) => `A new invitation was sent to ${email}.`,
  accountsNotYourself:
    'You cannot change your own role or disable your own account here: ask another admin, so the coalition is never left without one.',
  accountsMemberNeedsOrganization: 'Choose the organization of this member (and none for editors and admins).',
  accountsEnableFirst: 'This account is disabled: enable it before sending a new invitation.',
  accountsAlreadyHasPassword: 'This person already chose a password: they can use "Forgot your password?" instead.',
  accountsAddButton: 'Add the person and make a sign-in link',
  accountsNoMailHelp:
    'This server cannot send email (SMTP_URL is not set): you get a one-time sign-in link to hand over yourself.',
  accountsMailHelp: 'The person gets an email with a one-time link to choose a password.',
  accountsLinkTitle: (email: string) => `Sign-in link for ${email}`,
  accountsLinkCreated: (email: string) =>
    `The account of ${email} is ready. This server cannot send email, so hand this link over yourself (by message or in person).`,
  accountsLinkRenewed: (email: string) =>
    `A new sign-in link for ${email}: earlier links no longer work. This server cannot send email, so hand it over yourself.`,
  accountsLinkOnce:
    'This page shows the link only once: copy it now. Whoever opens it chooses the password of this account, so send it only to this person.',
  accountsLinkLabel: 'One-time sign-in link',
  accountsLinkExpires: (when: string) => `It works once, until ${when}.`,
  accountsLinkExpiredHelp: "After that, make a new one from the person's account page.",
  accountsCopyButton: 'Copy the link',
  accountsCopied: 'Copied.',
  accountsBackToUsers: 'Back to the people with an account',
  accountsNewLinkButton: 'Make a new sign-in link',
  accountsNewLinkHelp:
    'Makes a new one-time link to hand over; earlier links stop working. Only for people who have not chosen a password yet.',
  accountsInviteEmailInvalid: 'Email: type one full email address, such as name@example.org.',
  accountsInviteEmailTaken: (email: string) =>
    `Email: ${email} already has an account. Find it in the list above; if they have no password yet, make a new link from their page.`,
  accountsInviteUnknownOrganization:
    'Organization: that organization does not exist any more; choose one from the list.',
  accountWorkspaceLink: 'Go to the workspace',
  accountsPasswordSet:
    'Your password is saved. Sign in below with your email and the new password; your account page then links to the workspace.',
  accountsRecoveryCodesSave:
    'Save them now: print this page, or copy them into a password manager or onto paper kept away from your phone. Each code works only once. This page will not show them again.',
  accountsRecoveryCodesContinue: 'I have saved them — continue to the workspace',
  accountsRecoveryCodesToAccount: 'Back to your account',
  accountsQrLabel: 'QR code of your two-step sign-in key, to scan with an authenticator app',
  accountsQrHelp: 'Scan this code with the authenticator app on your phone, or type the key below into it.',
  accountsTwoFactorAlreadyOn:
    'Two-step sign-in is already on. Recovery codes are shown only once: if you did not save them, make new ones below.',
} as const;
