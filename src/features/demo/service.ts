import { demoCoalition } from '../../../demo/coalition.js';
import { demoFollowup } from '../../../demo/followup.js';
import type { Db } from '../../platform/db/client.js';
import { isDatabaseEmpty, type LoadReport, loadCoalition } from './load-coalition.js';
import { loadFollowupDemo } from './load-followup.js';

/** The key is printed as is by `puente demo load` ("11 follow-up entries"). */
export type DemoReport = LoadReport & { 'follow-up entries': number };

/** Loads the demo coalition and its follow-up; safe to repeat (rows already there are kept as they are). */
export async function loadDemo(db: Db): Promise<DemoReport> {
  const report = await loadCoalition(db, demoCoalition);
  return { ...report, 'follow-up entries': await loadFollowupDemo(db, demoFollowup) };
}

/** On first start, a newcomer should see a working coalition, not an empty site. */
export async function loadDemoIfEmpty(db: Db): Promise<DemoReport | null> {
  if (!(await isDatabaseEmpty(db))) return null;
  return loadDemo(db);
}
