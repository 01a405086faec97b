/** `npm run bench`: every benchmark in bench/, one after another (never part of `npm test`). */
import { benchFollowupDashboard } from './followup-dashboard.bench.js';
import { benchReleaseRender } from './release-render.bench.js';

await benchReleaseRender();
await benchFollowupDashboard();
