import { fr } from '../../../src/platform/i18n/fr.ts';
import { howFr } from './how-fr.ts';
import { webFr } from './web-fr.ts';

/** Everything the web app shows in this language: loaded only when she picks it. */
const catalogue: Readonly<Record<string, string>> = { ...fr, ...webFr, ...howFr };
export default catalogue;
