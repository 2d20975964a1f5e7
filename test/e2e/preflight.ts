import { findChromium, NO_BROWSER_MESSAGE } from './support.ts';

// `npm run test:e2e` starts here: without a browser, say how to get one instead of failing deep inside.
const found = findChromium();
if (!found) {
  process.stderr.write(`${NO_BROWSER_MESSAGE}\n`);
  process.exit(1);
}
process.stdout.write(`# browser tests use ${found}\n`);
