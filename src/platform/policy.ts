/**
 * Who may do what: one function per entity and action, used by routes, the CLI and (later) the API,
 * so a rule is written once. `null` is the public (not signed in).
 */
import type { UserRow } from './sessions.js';

export type PolicyUser = Pick<UserRow, 'id' | 'role' | 'organizationId' | 'disabled'> | null;

interface OrganizationRef {
  id: number;
}

function active(user: PolicyUser): user is NonNullable<PolicyUser> {
  return user !== null && !user.disabled;
}

const isAdmin = (user: PolicyUser) => active(user) && user.role === 'admin';
const isEditorOrAdmin = (user: PolicyUser) => active(user) && (user.role === 'admin' || user.role === 'editor');

/** Profile and boilerplate: the coalition admin, or a member of that very organization. */
export function canEditOrganization(user: PolicyUser, organization: OrganizationRef): boolean {
  return isAdmin(user) || (active(user) && user.role === 'member' && user.organizationId === organization.id);
}

/** Statements (and their recommendations): editors and the admin. */
export function canEditStatement(user: PolicyUser, _statement?: { id: number }): boolean {
  return isEditorOrAdmin(user);
}

/** Press releases, drafts and their gaps: editors and the admin, like the statements they announce. */
export function canEditRelease(user: PolicyUser): boolean {
  return isEditorOrAdmin(user);
}

export function canPublishStatement(user: PolicyUser, statement?: { id: number }): boolean {
  return canEditStatement(user, statement);
}

/** Drafts, embargoed and withdrawn items: those who edit them. */
export function canSeeUnpublished(user: PolicyUser): boolean {
  return isEditorOrAdmin(user);
}

export function canManageUsers(user: PolicyUser): boolean {
  return isAdmin(user);
}

/** Histories hold before/after values of everything (contacts included): admins only. */
export function canViewAudit(user: PolicyUser): boolean {
  return isAdmin(user);
}

/** An organization's logo: whoever may edit its profile (a member only their own organization's). */
export function canSetOrganizationLogo(user: PolicyUser, organization: OrganizationRef): boolean {
  return canEditOrganization(user, organization);
}

/** A statement's full document: editors and the admin, like the statement itself. */
export function canSetStatementDocument(user: PolicyUser, statement?: { id: number }): boolean {
  return canEditStatement(user, statement);
}

/** Bulk import of recommendations and their follow-up from a spreadsheet: who edits both. */
export function canImportRecommendations(user: PolicyUser): boolean {
  return isEditorOrAdmin(user);
}

/** Follow-up (responses, status updates, meetings, commitments) and its reminders: editors and the admin. */
export function canRecordFollowup(user: PolicyUser): boolean {
  return isEditorOrAdmin(user);
}

/** Publishing a follow-up entry puts it on public pages: the same people who record it. */
export function canPublishFollowup(user: PolicyUser): boolean {
  return canRecordFollowup(user);
}

// The workspace's registry pages (features/workspace/registry).

/** Lists of organizations and people, and the translations to do: editors and the admin. */
export function canViewRegistry(user: PolicyUser): boolean {
  return isEditorOrAdmin(user);
}

/** Themes and addressees, shared vocabulary of statements: editors and the admin. */
export function canEditRegistry(user: PolicyUser): boolean {
  return isEditorOrAdmin(user);
}

/** Adding or archiving a member organization changes who the coalition is: the admin. */
export function canManageOrganizations(user: PolicyUser): boolean {
  return isAdmin(user);
}

/** An organization's workspace page: whoever edits it, and editors who pick from the registry. */
export function canViewOrganization(user: PolicyUser, organization: OrganizationRef): boolean {
  return canViewRegistry(user) || canEditOrganization(user, organization);
}

/** A person (press contact): editors and the admin, or a member for their own organization's people. */
export function canEditPerson(user: PolicyUser, person: { organizationId: number | null }): boolean {
  if (isEditorOrAdmin(user)) return true;
  return (
    active(user) &&
    user.role === 'member' &&
    person.organizationId !== null &&
    person.organizationId === user.organizationId
  );
}

/** Press contacts (journalists' personal data), lists and release sends: editors and the admin. */
export function canManagePress(user: PolicyUser): boolean {
  return isEditorOrAdmin(user);
}

/** Role, organization, disabled: another person's account, never one's own (the coalition keeps an admin). */
export function canChangeAccount(user: PolicyUser, account: { id: number }): boolean {
  return canManageUsers(user) && user?.id !== account.id;
}

/** Sign-on (features/signon): opening and closing it, and approving or declining requests. */
export function canManageSignOn(user: PolicyUser): boolean {
  return isEditorOrAdmin(user);
}

/** A member signs their own organization onto a statement, while its sign-on is open. */
export function canSignOnStatement(
  user: PolicyUser,
  organization: OrganizationRef,
  signOn: { open: boolean } | null,
): boolean {
  return isMemberOf(user, organization) && Boolean(signOn?.open);
}

/** …and may take the signature back until the statement is published (embargoed counts as published). */
export function canWithdrawSignature(
  user: PolicyUser,
  organization: OrganizationRef,
  statement: { status: 'draft' | 'published' },
): boolean {
  return isMemberOf(user, organization) && statement.status === 'draft';
}

/**
 * The text of a statement in sign-on, before it is public: members while it is open (they are
 * asked to sign it) or once their organization has asked, and the editors. Nobody else; the public
 * rule (platform/visibility.ts) is untouched.
 */
export function canReadSignOnDraft(
  user: PolicyUser,
  signOn: { open: boolean } | null,
  ownOrganizationAsked = false,
): boolean {
  const member = active(user) && user.role === 'member';
  return canManageSignOn(user) || (member && (Boolean(signOn?.open) || ownOrganizationAsked));
}

function isMemberOf(user: PolicyUser, organization: OrganizationRef): boolean {
  return active(user) && user.role === 'member' && user.organizationId === organization.id;
}
