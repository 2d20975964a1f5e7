import { fr } from '../../../src/platform/i18n/fr.ts';
import { careFr } from './care-fr.ts';
import { cycleFr } from './cycle-fr.ts';
import { daylogFr } from './daylog-fr.ts';
import { errorsFr } from './errors-fr.ts';
import { helpFr } from './help-fr.ts';
import { howFr } from './how-fr.ts';
import { libraryFr } from './library-fr.ts';
import { lockFr } from './lock-fr.ts';
import { offlineFr } from './offline-fr.ts';
import { onboardingFr } from './onboarding-fr.ts';
import { providerFr } from './provider-fr.ts';
import { visitsFr } from './visits-fr.ts';
import { webFr } from './web-fr.ts';

/** Everything the web app shows in this language: loaded only when she picks it. */
const catalogue: Readonly<Record<string, string>> = {
  ...fr,
  ...helpFr,
  ...webFr,
  ...howFr,
  ...lockFr,
  ...offlineFr,
  ...onboardingFr,
  ...cycleFr,
  ...daylogFr,
  ...errorsFr,
  ...careFr,
  ...visitsFr,
  ...providerFr,
  ...libraryFr,
};
export default catalogue;
