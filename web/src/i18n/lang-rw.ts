import { rw } from '../../../src/platform/i18n/rw.ts';
import { careRw } from './care-rw.ts';
import { cycleRw } from './cycle-rw.ts';
import { daylogRw } from './daylog-rw.ts';
import { errorsRw } from './errors-rw.ts';
import { helpRw } from './help-rw.ts';
import { howRw } from './how-rw.ts';
import { libraryRw } from './library-rw.ts';
import { lockRw } from './lock-rw.ts';
import { offlineRw } from './offline-rw.ts';
import { onboardingRw } from './onboarding-rw.ts';
import { providerRw } from './provider-rw.ts';
import { visitsRw } from './visits-rw.ts';
import { webRw } from './web-rw.ts';

/** Everything the web app shows in this language: loaded only when she picks it. */
const catalogue: Readonly<Record<string, string>> = {
  ...rw,
  ...helpRw,
  ...webRw,
  ...howRw,
  ...lockRw,
  ...offlineRw,
  ...onboardingRw,
  ...cycleRw,
  ...daylogRw,
  ...errorsRw,
  ...careRw,
  ...visitsRw,
  ...providerRw,
  ...libraryRw,
};
export default catalogue;
