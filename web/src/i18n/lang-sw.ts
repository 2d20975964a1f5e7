import { sw } from '../../../src/platform/i18n/sw.ts';
import { careSw } from './care-sw.ts';
import { cycleSw } from './cycle-sw.ts';
import { daylogSw } from './daylog-sw.ts';
import { errorsSw } from './errors-sw.ts';
import { helpSw } from './help-sw.ts';
import { howSw } from './how-sw.ts';
import { librarySw } from './library-sw.ts';
import { lockSw } from './lock-sw.ts';
import { offlineSw } from './offline-sw.ts';
import { onboardingSw } from './onboarding-sw.ts';
import { providerSw } from './provider-sw.ts';
import { visitsSw } from './visits-sw.ts';
import { webSw } from './web-sw.ts';

/** Everything the web app shows in this language: loaded only when she picks it. */
const catalogue: Readonly<Record<string, string>> = {
  ...sw,
  ...helpSw,
  ...webSw,
  ...howSw,
  ...lockSw,
  ...offlineSw,
  ...onboardingSw,
  ...cycleSw,
  ...daylogSw,
  ...errorsSw,
  ...careSw,
  ...visitsSw,
  ...providerSw,
  ...librarySw,
};
export default catalogue;
