/** What `puente users …` does, as services the CLI calls. */

import { systemActor } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { Conflict, Invalid, StartupError } from '../../platform/errors.js';
import { createUser, issueToken } from './service.js';

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
