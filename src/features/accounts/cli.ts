/** What `puente users …` does, as services the CLI calls. */

import { systemActor } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { Conflict, Invalid, NotFound, StartupError } from '../../platform/errors.js';
import { getOrganization } from '../registry/index.js';
import { type IssuedLink, inviteUser } from './links.js';
import { createUser, issueToken, type Role } from './service.js';

/** Creates the admin and returns the one-time link (the invitation) to choose a password. */
export async function createAdminWithLink(db: Db, email: string, baseUrl: string, now: Date): Promise<string> {
  try {
    const user = await createUser(db, { email, role: 'admin' }, systemActor('puente users create-admin'), now);
    const token = await issueToken(db, user.id, 'invitation', now);
    return `${baseUrl}/en/set-password/${token}`;
  } catch (error) {
    // Operator mistakes are one line, like every other CLI failure.
    if (error instanceof Conflict) throw new StartupError(`${email} already has an account.`);
    if (error instanceof Invalid) throw new StartupError(`${email} is not an email address.`);
    throw error;
  }
}

export const ROLES: readonly Role[] = ['member', 'editor', 'admin'];

/** The role and organization options, checked before the database is opened. */
export function checkInviteOptions(input: { role: string; organization?: string | undefined }): void {
  const { role, organization } = input;
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new StartupError(`unknown role "${role}": use one of ${ROLES.join(', ')}`);
  }
  if (role === 'member' && !organization) {
    throw new StartupError('a member belongs to an organization: add --organization SLUG (see /en/organizations)');
  }
  if (role !== 'member' && organization) {
    throw new StartupError(`only members belong to an organization: leave out --organization for the ${role} role`);
  }
}

/**
 * `puente users invite EMAIL --role ROLE [--organization SLUG]`: the account, as the admin's page
 * makes it (same service, same audit rows), and its invitation link to hand over, never mailed.
 */
export async function inviteWithLink(
  db: Db,
  input: { email: string; role: string; organization?: string | undefined },
  baseUrl: string,
  now: Date,
): Promise<IssuedLink> {
  const { email, role, organization } = input;
  checkInviteOptions(input);
  const organizationId = organization
    ? (
        await getOrganization(db, organization, now).catch((error: unknown) => {
          if (error instanceof NotFound) {
            throw new StartupError(
              `no organization "${organization}" (the slug is in its address: /en/organizations/SLUG)`,
            );
          }
          throw error;
        })
      ).organization.id
    : null;
  try {
    const links = { sendsMail: false, baseUrl, locale: 'en' as const };
    const actor = systemActor('puente users invite');
    const { delivery } = await inviteUser(db, links, { email, role: role as Role, organizationId }, actor, now);
    if (delivery.mailed) throw new Error('the CLI hands the link over; it never mails it');
    return delivery.link;
  } catch (error) {
    if (error instanceof Conflict) throw new StartupError(`${email} already has an account.`);
    if (error instanceof Invalid) throw new StartupError(`${email} is not an email address.`);
    throw error;
  }
}
