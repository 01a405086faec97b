/**
 * How a recommendation is numbered, everywhere it is named ("Recommendation 3"): its place in its
 * statement's order, counted from 1, stored as `recommendations.number` and kept by triggers (migration
 * 0028). The order is the stored position, then the id (positions start at 0 for loaded data and at 1
 * for the editor's, and may have gaps or ties), so the stored position is never shown as the number.
 */
import { asc, type SQL } from 'drizzle-orm';
import * as t from '../../platform/db/schema/index.js';

const r = t.recommendations;

/** A statement's recommendations in their order: for every list of them, and the order the numbers count. */
export const recommendationOrder = (): SQL[] => [asc(r.position), asc(r.id)];
