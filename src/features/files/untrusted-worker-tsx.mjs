// From the sources (tests, `npm run dev`) a worker thread does not inherit tsx's loader: register it,
// then load the untrusted-file worker's entry (see untrusted.ts). The bundle runs dist/untrusted-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./untrusted-worker.ts');
