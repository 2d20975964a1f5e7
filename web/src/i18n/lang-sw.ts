import { sw } from '../../../src/platform/i18n/sw.ts';
import { howSw } from './how-sw.ts';
import { webSw } from './web-sw.ts';

/** Everything the web app shows in this language: loaded only when she picks it. */
const catalogue: Readonly<Record<string, string>> = { ...sw, ...webSw, ...howSw };
export default catalogue;
