/** `npm run bench`: every benchmark in bench/, one after another (never part of `npm test`). */

import { benchFollowupDashboard } from './followup-dashboard.bench.js';
import { benchImportLint } from './import-lint.bench.js';
import { benchReleaseRender } from './release-render.bench.js';
import { benchUploads } from './uploads.bench.js';

await benchReleaseRender();
await benchImportLint();
await benchUploads();
await benchFollowupDashboard();
