import { rw } from '../../../src/platform/i18n/rw.ts';
import { howRw } from './how-rw.ts';
import { webRw } from './web-rw.ts';

/** Everything the web app shows in this language: loaded only when she picks it. */
const catalogue: Readonly<Record<string, string>> = { ...rw, ...webRw, ...howRw };
export default catalogue;
