/** `npm run bench`: every benchmark in bench/, one after another (never part of `npm test`). */
import { benchReleaseRender } from './release-render.bench.js';
import { benchUploads } from './uploads.bench.js';

await benchReleaseRender();
await benchUploads();
