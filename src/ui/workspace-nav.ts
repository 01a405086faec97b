/**
 * The workspace navigation. Each feature adds ONE line here (keep one entry per line so branches
 * merge cleanly); `visible` uses the policy functions, so a link shows only to who may use it.
 */
import type { Catalog } from '../platform/i18n/catalog.js';
import {
  canEditRegistry,
  canEditRelease,
  canEditStatement,
  canRecordFollowup,
  canViewRegistry,
  type PolicyUser,
} from '../platform/policy.js';

export interface WorkspaceNavEntry {
  /** Path after the language prefix. */
  path: string;
  label: (t: Catalog) => string;
  visible: (user: PolicyUser) => boolean;
}

const isMember = (user: PolicyUser) => user?.role === 'member' && user.organizationId !== null;

export const workspaceNav: WorkspaceNavEntry[] = [
  { path: '/workspace', label: (t) => t.workspaceNavHome, visible: () => true },
  { path: '/workspace/my-organization', label: (t) => t.workspaceNavMyOrganization, visible: isMember },
  { path: '/workspace/organizations', label: (t) => t.workspaceNavOrganizations, visible: canViewRegistry },
  { path: '/workspace/people', label: (t) => t.workspaceNavPeople, visible: canViewRegistry },
  { path: '/workspace/themes', label: (t) => t.workspaceNavThemes, visible: canEditRegistry },
  { path: '/workspace/addressees', label: (t) => t.workspaceNavAddressees, visible: canEditRegistry },
  { path: '/workspace/statements', label: (t) => t.editorialNavStatements, visible: canEditStatement },
  { path: '/workspace/releases', label: (t) => t.editorialNavReleases, visible: canEditRelease },
  { path: '/workspace/translations', label: (t) => t.workspaceNavTranslations, visible: canViewRegistry },
  { path: '/workspace/import', label: (t) => t.importNav, visible: canEditRelease },
  { path: '/workspace/followup', label: (t) => t.followupNav, visible: canRecordFollowup },
];
