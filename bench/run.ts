/**
 * `npm run bench`: every benchmark in bench/, one after another (never part of `npm test`).
 * `npm run bench -- followup` (or any part of a name: release, import, uploads, hostile, followup, workspace, startup, http, page-budget, search, outbox, press, sheet-import, open-signon) runs only those.
 */

import { benchFollowupDashboard } from './followup-dashboard.bench.js';
import { benchHostileUpload } from './hostile-upload.bench.js';
import { benchHttp } from './http.bench.js';
import { benchImportLint } from './import-lint.bench.js';
import { benchOpenSignOn } from './open-signon.bench.js';
import { benchOutbox } from './outbox.bench.js';
import { benchPageBudget } from './page-budget.bench.js';
import { benchPressSend } from './press-send.bench.js';
import { benchReleaseRender } from './release-render.bench.js';
import { benchSearch } from './search.bench.js';
import { benchSheetImport } from './sheet-import.bench.js';
import { benchStartup } from './startup.bench.js';
import { benchUploads } from './uploads.bench.js';
import { benchWorkspaceHome } from './workspace-home.bench.js';

const benches: [string, () => Promise<void>][] = [
  ['release-render', benchReleaseRender],
  ['import-lint', benchImportLint],
  ['uploads', benchUploads],
  ['hostile-upload', benchHostileUpload],
  ['followup-dashboard', benchFollowupDashboard],
  ['workspace-home', benchWorkspaceHome],
  ['startup', benchStartup],
  ['http', benchHttp],
  ['page-budget', benchPageBudget],
  ['search', benchSearch],
  ['outbox', benchOutbox],
  ['press-send', benchPressSend],
  ['sheet-import', benchSheetImport],
  ['open-signon', benchOpenSignOn],
];
const wanted = process.argv.slice(2);
const chosen = benches.filter(([name]) => wanted.length === 0 || wanted.some((w) => name.includes(w)));
if (chosen.length === 0) {
  console.error(`no bench matches ${wanted.join(' ')}; known: ${benches.map(([name]) => name).join(', ')}`);
  process.exitCode = 1;
}
for (const [, bench] of chosen) await bench();
