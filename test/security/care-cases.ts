import { CARE_SCOPES, type CareScope } from '../../src/modules/care/scopes.ts';
import type { Expected } from './matrix-judge.ts';

/*
 * The care network's routes tried on real links and appointments (the authorization matrix tries
 * them only with ids nobody holds). Each case names what an attacker wants; every person of the
 * care cast (test/security/care-cast.ts) calls it, those it refuses first, then those it lets do it.
 * Whoever is not named gets 404 when the route lets the role in (the policy table's answer for
 * someone of the care network, when it has one), 403 forbidden when it does not.
 */

export const CARE_CALLERS = [
  'her',
  'another girl',
  'the parent she linked',
  'a parent waiting for her to confirm him',
  'a parent whose code she entered',
  'a parent she never linked',
  'her provider',
  'another provider',
  'an unverified provider',
  'a writer',
  'an admin',
] as const;
export type CareCaller = (typeof CARE_CALLERS)[number];

/** What a path parameter names, in the care world. */
export type CareObject =
  | 'her id'
  | CareScope
  /** The parent she linked: she shares her prediction only. */
  | 'active link'
  /** A parent entered her code; she has not confirmed him. */
  | 'link waiting for her'
  /** She entered a parent's code; he has not confirmed her. */
  | 'link waiting for him'
  /** She booked it with her provider (requested, days ahead), sharing her cycle summary, in her own words. */
  | 'her appointment'
  /** The same, confirmed by her provider. */
  | 'her confirmed appointment'
  /** Confirmed, and its time has come (the clock moved). */
  | 'her visit'
  /** Never confirmed, and its time has come. */
  | 'her unconfirmed visit'
  /** Confirmed, then recorded as done by her provider. */
  | 'her completed visit'
  | 'her provider id'
  | 'the unverified provider id';

/** Objects that exist only once the visit's time has come. */
export const AFTER_THE_VISIT: readonly CareObject[] = [
  'her visit',
  'her unconfirmed visit',
  'her completed visit',
];

export type CareCase = {
  key: string;
  /** What the attacker wants: a failure names it. */
  goal: string;
  params?: Record<string, CareObject>;
  query?: Record<string, string>;
  /** A valid body, made for each caller before anyone calls (values such as a free slot are fresh). */
  body?: (make: BodyMakers) => unknown;
  /** Those the route lets do it, tried last in this order (a change happens once). */
  succeeds?: Partial<Record<CareCaller, Expected>>;
  /** Refusals other than the default (404 for a role the route lets in, 403 forbidden otherwise). */
  refuses?: Partial<Record<CareCaller, Expected>>;
  /** The answer for a role the route lets in, when not 404. */
  others?: Expected;
  /** Not tried: they may do it too, and another case tries them. */
  skip?: CareCaller[];
  /** It changes what it acts on: it gets new objects, and what it refuses must change nothing. */
  changes?: true;
  /** Her provider may be shown her cycle summary (her period dates) in this answer. */
  summary?: true;
  /** More to check in an answer that succeeded. */
  check?: (json: unknown, who: CareCaller, ids: CheckIds) => string[];
};
export type CheckIds = { her: string; herProvider: string; unverifiedProvider: string };
export type BodyMakers = CheckIds & {
  /** A free slot of her provider days ahead (past the change cut-off). */
  freeSlot(): Promise<string>;
  /** A code she just made, to link to her. */
  herCode(): Promise<string>;
};

const ok: Expected = { status: 200 };
const gone: Expected = { status: 204 };
const notShared: Expected = { status: 403, code: 'not_shared' };
const forbidden: Expected = { status: 403, code: 'forbidden' };
const closed: Expected = { status: 409, code: 'appointment_closed' };
const made: Expected = { status: 201 };
const family: Partial<Record<CareCaller, Expected>> = {
  her: ok,
  'another girl': ok,
  'the parent she linked': ok,
  'a parent waiting for her to confirm him': ok,
  'a parent whose code she entered': ok,
  'a parent she never linked': ok,
};

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});

/** The parent she linked sees her id, name, what she shares, and her prediction: no more. */
function onlyHerPrediction(whole: boolean) {
  return (json: unknown): string[] => {
    const view = asObject(json);
    const problems: string[] = [];
    const keys = Object.keys(view).sort().join(',');
    const wanted = whole ? 'id,name,prediction,scopes' : 'prediction';
    if (keys !== wanted) problems.push(`shows ${keys}, not ${wanted}`);
    if (whole && JSON.stringify(view.scopes) !== '["prediction"]')
      problems.push(`says she shares ${JSON.stringify(view.scopes)}`);
    const prediction = asObject(view.prediction);
    const extra = Object.keys(prediction).filter(
      (k) => !['status', 'today', 'nextPeriod', 'phase'].includes(k),
    );
    if (extra.length > 0) problems.push(`her prediction shows ${extra.join(', ')}`);
    if (!prediction.nextPeriod) problems.push('her prediction has no next period, though she logged one');
    return problems;
  };
}

/** The directory (or the district's slots) shows verified providers, never the unverified one. */
function listsOnlyVerified(json: unknown, _who: CareCaller, ids: CheckIds): string[] {
  const text = JSON.stringify(json);
  const problems = text.includes(ids.unverifiedProvider) ? ['lists the provider nobody verified'] : [];
  // Her provider has the same hours and district: if he is missing, the check above proves nothing.
  if (!text.includes(ids.herProvider)) problems.push('does not list her (verified) provider either');
  return problems;
}

function herAppointmentAsHerProviderSeesIt(withSummary: boolean) {
  return (json: unknown, who: CareCaller): string[] => {
    if (who !== 'her provider') return [];
    const view = asObject(json);
    const problems: string[] = [];
    if (withSummary && !view.summary) problems.push('her provider does not see the summary she shared');
    if (!withSummary && 'summary' in view) problems.push('her provider still sees her cycle summary');
    const patient = JSON.stringify(view.patient);
    if (!/^\{"firstName":"[^"]+"\}$/.test(patient)) problems.push(`names her as ${patient}`);
    return problems;
  };
}

const unsharedParts = CARE_SCOPES.filter((s) => s !== 'prediction');

export const CARE_CASES: CareCase[] = [
  {
    key: 'GET /api/v1/care/children/{id}',
    goal: 'a parent reads a daughter who never linked him, or who has not confirmed him',
    params: { id: 'her id' },
    succeeds: { 'the parent she linked': ok },
    check: onlyHerPrediction(true),
  },
  {
    key: 'GET /api/v1/care/children/{id}/{part}',
    goal: 'a parent she has not linked reads her prediction',
    params: { id: 'her id', part: 'prediction' },
    succeeds: { 'the parent she linked': ok },
    check: onlyHerPrediction(false),
  },
  ...unsharedParts.map(
    (part): CareCase => ({
      key: 'GET /api/v1/care/children/{id}/{part}',
      goal: `the parent she linked reads her ${part}, which she does not share`,
      params: { id: 'her id', part },
      refuses: { 'the parent she linked': notShared },
    }),
  ),
  {
    key: 'GET /api/v1/care/links',
    goal: 'whoever entered a code learns who made it before being confirmed; anyone else learns of her links',
    succeeds: family,
  },
  {
    key: 'GET /api/v1/care/children',
    goal: 'a parent finds her among his children before she confirmed him, or without any link',
    succeeds: {
      'the parent she linked': ok,
      'a parent waiting for her to confirm him': ok,
      'a parent whose code she entered': ok,
      'a parent she never linked': ok,
    },
    check: (json, who, ids) =>
      who === 'the parent she linked' && !JSON.stringify(json).includes(ids.her)
        ? ['the parent she linked does not find her']
        : [],
  },
  {
    key: 'GET /api/v1/appointments/{id}',
    goal: 'a provider reads an appointment booked with another provider; a parent she shares only her prediction with reads it',
    params: { id: 'her appointment' },
    succeeds: { her: ok, 'her provider': ok },
    summary: true,
    check: herAppointmentAsHerProviderSeesIt(true),
  },
  {
    key: 'GET /api/v1/appointments',
    goal: "a provider sees another provider's patients; a provider nobody verified sees anyone's",
    // Another girl and another provider see their own lists: without her.
    others: ok,
    check: (json, who) => {
      if (who !== 'her' && who !== 'her provider') return [];
      const list = asObject(json).appointments;
      return Array.isArray(list) && list.length > 0 ? [] : [`${who} does not see her appointment`];
    },
  },
  {
    key: 'GET /api/v1/providers/{id}/slots',
    goal: 'anyone sees the hours of (and so books) a provider nobody verified, he himself included',
    params: { id: 'the unverified provider id' },
  },
  {
    key: 'GET /api/v1/providers/{id}/slots',
    goal: "a verified provider's slots are everyone's to see (so the 404 above means unverified, not broken)",
    params: { id: 'her provider id' },
    others: ok,
  },
  {
    key: 'GET /api/v1/providers',
    goal: 'a provider nobody verified is listed in the directory',
    query: { district: 'gasabo' },
    others: ok,
    check: listsOnlyVerified,
  },
  {
    key: 'GET /api/v1/providers/slots',
    goal: "a provider nobody verified has slots in the district's search",
    // Every provider of the district has the same hours: the first 100 slots hold each one's first.
    query: { district: 'gasabo', limit: '100' },
    others: ok,
    check: listsOnlyVerified,
  },

  {
    key: 'POST /api/v1/care/links/{id}/confirm',
    goal: 'the parent who entered her code confirms himself, without her',
    params: { id: 'link waiting for her' },
    refuses: { 'a parent waiting for her to confirm him': forbidden },
    succeeds: { her: ok },
    changes: true,
  },
  {
    key: 'POST /api/v1/care/links/{id}/confirm',
    goal: "a girl confirms a parent's code for him, as if she were the adult",
    params: { id: 'link waiting for him' },
    refuses: { her: forbidden },
    succeeds: { 'a parent whose code she entered': ok },
    changes: true,
  },
  {
    key: 'PUT /api/v1/care/links/{id}/sharing',
    goal: 'the parent she linked widens what he sees of her; another girl changes her sharing',
    params: { id: 'active link' },
    body: () => ({ scopes: [...CARE_SCOPES] }),
    succeeds: { her: ok },
    changes: true,
  },
  {
    key: 'DELETE /api/v1/care/links/{id}',
    goal: 'someone who is not one of the two ends her link',
    params: { id: 'active link' },
    succeeds: { her: gone },
    skip: ['the parent she linked'],
    changes: true,
  },
  {
    key: 'DELETE /api/v1/care/links/{id}',
    goal: 'the parent she linked cannot end it (either of the two may)',
    params: { id: 'active link' },
    succeeds: { 'the parent she linked': gone },
    skip: ['her'],
    changes: true,
  },
  {
    key: 'POST /api/v1/appointments/{id}/cancel',
    goal: 'another girl, another provider or a parent who did not book it cancels her appointment',
    params: { id: 'her appointment' },
    succeeds: { her: ok },
    skip: ['her provider'],
    changes: true,
  },
  {
    key: 'POST /api/v1/appointments/{id}/cancel',
    goal: 'her provider cannot cancel (he may)',
    params: { id: 'her appointment' },
    succeeds: { 'her provider': ok },
    skip: ['her'],
    changes: true,
  },
  {
    key: 'POST /api/v1/appointments/{id}/reschedule',
    goal: 'someone else moves her appointment',
    params: { id: 'her appointment' },
    body: async (make) => ({ start: await make.freeSlot() }),
    succeeds: { her: ok },
    skip: ['her provider'],
    changes: true,
  },
  {
    key: 'POST /api/v1/appointments/{id}/confirm',
    goal: 'she confirms her own appointment as if she were the provider; another provider confirms it',
    params: { id: 'her appointment' },
    succeeds: { 'her provider': ok },
    changes: true,
  },
  {
    key: 'POST /api/v1/appointments/{id}/decline',
    goal: 'another provider declines her appointment',
    params: { id: 'her appointment' },
    body: () => ({ reason: 'The clinic is closed that day' }),
    succeeds: { 'her provider': ok },
    changes: true,
  },
  {
    key: 'PUT /api/v1/appointments/{id}/note',
    goal: 'another provider (or one nobody verified) writes into her record',
    params: { id: 'her confirmed appointment' },
    body: () => ({ text: 'Advised iron-rich food' }),
    succeeds: { 'her provider': ok },
    changes: true,
  },

  {
    key: 'POST /api/v1/care/link-codes',
    goal: 'a provider, a writer or an admin makes a code to link himself to a girl',
    succeeds: Object.fromEntries(Object.keys(family).map((who) => [who, made])),
    changes: true,
  },
  {
    key: 'POST /api/v1/appointments',
    goal: 'a parent she shares only her prediction with (or none) books in her name; another girl books for her',
    body: async (make) => ({
      providerId: make.herProvider,
      start: await make.freeSlot(),
      reason: 'pain',
      forUserId: make.her,
    }),
    refuses: {
      'another girl': forbidden,
      'the parent she linked': notShared,
      'a parent waiting for her to confirm him': notShared,
      'a parent whose code she entered': notShared,
      'a parent she never linked': notShared,
    },
    succeeds: { her: made },
    changes: true,
  },
  // Last of those before the visit: the parent she never linked has entered a code of hers after it.
  {
    key: 'POST /api/v1/care/links',
    goal: 'someone links himself to her with a code she made: a girl, herself, or a parent linked already',
    body: async (make) => ({ code: await make.herCode() }),
    refuses: {
      her: { status: 400, code: 'invalid_code' },
      'another girl': { status: 400, code: 'invalid_code' },
      'the parent she linked': { status: 409, code: 'already_linked' },
      'a parent waiting for her to confirm him': { status: 409, code: 'already_linked' },
      'a parent whose code she entered': { status: 409, code: 'already_linked' },
    },
    succeeds: { 'a parent she never linked': made },
    changes: true,
  },

  // Once the visit's time has come (the clock moved past it).
  {
    key: 'POST /api/v1/appointments/{id}/complete',
    goal: 'someone other than her provider records her visit as done',
    params: { id: 'her visit' },
    succeeds: { 'her provider': ok },
    changes: true,
  },
  {
    key: 'POST /api/v1/appointments/{id}/no-show',
    goal: 'someone other than her provider records that she did not come',
    params: { id: 'her visit' },
    succeeds: { 'her provider': ok },
    changes: true,
  },
  {
    key: 'POST /api/v1/appointments/{id}/complete',
    goal: 'her provider records a visit he never confirmed',
    params: { id: 'her unconfirmed visit' },
    refuses: { 'her provider': closed },
    changes: true,
  },
  {
    key: 'POST /api/v1/appointments/{id}/no-show',
    goal: 'her provider records a no-show for a visit he never confirmed',
    params: { id: 'her unconfirmed visit' },
    refuses: { 'her provider': closed },
    changes: true,
  },
  {
    key: 'GET /api/v1/appointments/{id}',
    goal: 'her provider reads her cycle summary after the visit is over',
    params: { id: 'her completed visit' },
    succeeds: { her: ok, 'her provider': ok },
    check: herAppointmentAsHerProviderSeesIt(false),
  },
];
