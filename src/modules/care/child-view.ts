import { assertThat } from '../../platform/http/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { AuditService } from '../audit/service.ts';
import { addDays } from '../cycles/engine/index.ts';
import type { CycleInsights } from '../cycles/insights.ts';
import type { CycleService } from '../cycles/service.ts';
import { actorContext, type LinkAccess } from './link-access.ts';
import type { CareRepo } from './repo.ts';
import { type CareScope, canonicalScopes } from './scopes.ts';
import {
  type SharedDay,
  type SharedFlag,
  type SharedPeriod,
  type SharedPrediction,
  sharedDays,
  sharedFlags,
  sharedPeriods,
  sharedPrediction,
} from './shared-parts.ts';

/** How far back an adult sees her period dates and her days. */
const PERIOD_DAYS = 365;
const SYMPTOM_DAYS = 90;

/** Her appointment as a linked adult sees it: who, where, when, status; never the reason or notes. */
export type CareAppointment = {
  id: string;
  provider: { displayName: string; facility: string };
  start: string;
  end: string;
  status: string;
};

/** One daughter as a linked adult sees her: only the parts she shares are present. */
export type ChildView = {
  id: string;
  name: string;
  scopes: CareScope[];
  prediction?: SharedPrediction;
  periods?: SharedPeriod[];
  symptoms?: SharedDay[];
  flags?: SharedFlag[];
  appointments?: CareAppointment[];
};

export type ChildViewDeps = {
  access: LinkAccess;
  repo: CareRepo;
  cycles: Pick<CycleService, 'todayOf' | 'allPeriods' | 'allDays'>;
  insights: Pick<CycleInsights, 'prediction'>;
  /** Her appointments without reasons or notes (appointments.listForGuardianView). */
  appointmentsOf: (childId: string) => Promise<CareAppointment[]>;
  audit: AuditService;
};

/**
 * What a linked adult reads of her, decided from the link's scopes as they are now (read on every
 * call, never cached), each read written to her access log.
 */
export function createChildViews(deps: ChildViewDeps) {
  const { access, cycles } = deps;

  async function partsOf(childId: string, wanted: readonly CareScope[]) {
    const has = (scope: CareScope) => wanted.includes(scope);
    const parts: Omit<ChildView, 'id' | 'name' | 'scopes'> = {};
    // Her views are read without her context: this read is noted as the adult's (care.read).
    if (has('prediction') || has('flags')) {
      const prediction = await deps.insights.prediction(childId);
      if (has('prediction')) parts.prediction = sharedPrediction(prediction);
      if (has('flags')) parts.flags = sharedFlags(prediction.flags);
    }
    const today = has('periods') || has('symptoms') ? await cycles.todayOf(childId) : '';
    if (has('periods'))
      parts.periods = sharedPeriods(await cycles.allPeriods(childId), addDays(today, -PERIOD_DAYS));
    if (has('symptoms'))
      parts.symptoms = sharedDays(await cycles.allDays(childId), addDays(today, -SYMPTOM_DAYS));
    if (has('appointments')) parts.appointments = await deps.appointmentsOf(childId);
    return parts;
  }

  return {
    /** The young women who share something with this adult (active links only). */
    async children(
      adultId: string,
      ctx: RequestContext,
    ): Promise<Array<{ id: string; name: string; scopes: CareScope[] }>> {
      const children: Array<{ id: string; name: string; scopes: CareScope[] }> = [];
      for (const row of await deps.repo.activeLinksOfAdult(adultId)) {
        const link = await access.intact(row, ctx);
        const child = link && (await access.personOf(link.child_id, 'child'));
        if (link && child)
          children.push({ id: link.child_id, name: child.name, scopes: canonicalScopes(link.scopes) });
      }
      return children;
    },

    /**
     * One daughter as this adult may see her: every shared part ('all'), or one part (403
     * not_shared when she does not share it). No active link the server wrote → 404, which says
     * nothing about whether she exists.
     */
    async childView(
      adultId: string,
      childId: string,
      part: 'all' | CareScope,
      ctx: RequestContext,
    ): Promise<ChildView> {
      const found = await access.activeLink(adultId, childId, ctx);
      assertThat(found, 'not_found', 'No such person');
      const scopes = canonicalScopes(found.row.scopes);
      if (part !== 'all') assertThat(scopes.includes(part), 'not_shared', 'She does not share this with you');
      const wanted = part === 'all' ? scopes : [part];
      const view: ChildView = {
        id: childId,
        name: found.child.name,
        scopes,
        ...(await partsOf(childId, wanted)),
      };
      await deps.audit.record(actorContext(ctx, adultId, 'parent'), {
        action: 'care.read',
        outcome: 'success',
        subjectId: childId,
        resource: wanted.join(',') || 'none',
      });
      return view;
    },

    /**
     * Whether this adult may book for her now: she shares `appointments` with him, or he is the
     * guardian who consented to her account while she is under the consent age.
     */
    async mayBookFor(adultId: string, childId: string, ctx: RequestContext): Promise<boolean> {
      const found = await access.activeLink(adultId, childId, ctx);
      if (!found) return false;
      if (found.row.scopes.includes('appointments')) return true;
      return found.row.origin === 'guardian_consent' && (await access.underAge(childId));
    },
  };
}
export type ChildViews = ReturnType<typeof createChildViews>;
