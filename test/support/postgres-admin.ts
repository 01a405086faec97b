/** One statement on the TEST_DATABASE_URL server as its admin (create and drop test databases). */
import pg from 'pg';
import { withDefaultUser } from '../../src/platform/db/client.js';

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDefaultUser(adminUrl) });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
