/** Run by `npm install` (postinstall). Never fails the install: without the template, start-up is just slower. */
import { makePgliteTemplate } from './pglite-template.js';

try {
  await makePgliteTemplate();
} catch (error) {
  process.stderr.write(
    `puente: could not prepare the embedded database template (${(error as Error).message}); first start will be slower.\n`,
  );
}
