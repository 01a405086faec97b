import { demoCoalition } from '../../../demo/coalition.js';
import type { Db } from '../../db/client.js';
import { isDatabaseEmpty, type LoadReport, loadCoalition } from './load-coalition.js';

/** Loads the demo coalition; safe to repeat (rows matched by slug are kept as they are). */
export function loadDemo(db: Db): Promise<LoadReport> {
  return loadCoalition(db, demoCoalition);
}

/** On first start, a newcomer should see a working coalition, not an empty site. */
export async function loadDemoIfEmpty(db: Db): Promise<LoadReport | null> {
  if (!(await isDatabaseEmpty(db))) return null;
  return loadDemo(db);
}
