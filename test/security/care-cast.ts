import { randomUUID } from 'node:crypto';
import type { TestApp } from '../support/app.ts';
import { slotAfter } from '../support/appointments.ts';
import { booked } from '../support/providers.ts';
import { type Actor, linkByCode, signUp } from './fuzz-actors.ts';
import { piiOf, type Secret } from './fuzz-leaks.ts';
import type { World } from './fuzz-world.ts';
import type { PolicyEntry } from './policy-table.ts';

/*
 * The care network around a world's owner (test/security/fuzz-world.ts), made through the API as
 * people make it: the parent she linked, who sees her prediction and nothing else; a parent who
 * entered her code, waiting for her to confirm him; a parent whose code she entered, waiting for
 * him; an appointment she booked with the cast's provider (sharing her cycle summary, in words of
 * her own); another verified provider; and a provider nobody verified yet, open every day in her
 * district. `knows` says whose name each of them may be shown: nothing else of hers, ever.
 */

/** What the linked parent sees: the narrowest sharing there is. */
export const NARROW_SHARING = ['prediction'] as const;

/**
 * Keys that would mean an adult sees more than her prediction: the parts she does not share, and
 * what her own prediction holds beyond the next period and today's phase.
 */
export const BEYOND_PREDICTION = [
  'periods',
  'symptoms',
  'flags',
  'appointments',
  'ovulation',
  'fertileWindow',
  'averageCycleLength',
  'cycleLengthVariability',
  'averagePeriodLength',
  'lutealLength',
  'confidence',
  'cyclesUsed',
  'notes',
] as const;

export type CareCast = {
  linkedParent: Actor;
  waitingParent: Actor;
  askingParent: Actor;
  otherProvider: Actor;
  unverifiedProvider: Actor;
  links: { active: string; waitingForHer: string; waitingForHim: string };
  /** An appointment she booked with the cast's provider, sharing her summary, in her own words. */
  appointment: string;
  herWords: string;
  /** Her period dates when the cast was made (the world's owner logs one period). */
  herPeriodDates: string[];
  /** Whose name each person may be shown (viewer id → person ids). */
  knows: Map<string, Set<string>>;
};

type CarePeople = Pick<
  CareCast,
  'linkedParent' | 'waitingParent' | 'askingParent' | 'otherProvider' | 'unverifiedProvider'
>;

/** The network's people, not linked to anyone yet: made side by side (beside buildWorld, to save time). */
export async function carePeople(t: TestApp): Promise<CarePeople> {
  const [linkedParent, waitingParent, askingParent, otherProvider, unverifiedProvider] = await Promise.all([
    signUp(t, 'parent'),
    signUp(t, 'parent'),
    signUp(t, 'parent'),
    signUp(t, 'provider'),
    signUp(t, 'provider', { verified: false }),
  ]);
  return { linkedParent, waitingParent, askingParent, otherProvider, unverifiedProvider };
}

const casts = new WeakMap<World, Promise<CareCast>>();

/**
 * The world's care network, made on first use from `people` (new ones if none are given), who are
 * pushed into the world's people for leak scans.
 */
export function careCastOf(world: World, people?: CarePeople): Promise<CareCast> {
  let made = casts.get(world);
  if (!made) {
    made = makeCareCast(world, people);
    casts.set(world, made);
  }
  return made;
}

async function makeCareCast(world: World, given: CarePeople | undefined): Promise<CareCast> {
  const { t, owner } = world;
  const [people, periods] = await Promise.all([
    given ?? carePeople(t),
    t.request({ method: 'GET', url: '/api/v1/cycles/periods', token: owner.accessToken }),
  ]);
  const { linkedParent, waitingParent, askingParent, otherProvider, unverifiedProvider } = people;
  world.people.push(linkedParent, waitingParent, askingParent, otherProvider, unverifiedProvider);
  const herPeriodDates = (
    (periods.json().periods ?? []) as Array<{ startDate: string; endDate: string | null }>
  )
    .flatMap((p) => [p.startDate, p.endDate ?? ''])
    .filter((d) => d.length > 0);
  const care: CareCast = {
    linkedParent,
    waitingParent,
    askingParent,
    otherProvider,
    unverifiedProvider,
    links: { active: '', waitingForHer: '', waitingForHim: '' },
    appointment: '',
    herWords: `her-words-${randomUUID()}`,
    herPeriodDates,
    knows: new Map(),
  };
  // A girl under the consent age (no period logged in her world) links no one before her guardian
  // consents: her world has the people and nothing of hers.
  if (world.ownerPeriodId === undefined) return care;
  // One after another: each of her codes and links is a write of hers.
  care.links.active = await linkWith(world, care, 'active', linkedParent);
  care.links.waitingForHer = await linkWith(world, care, 'waitingForHer', waitingParent);
  care.links.waitingForHim = await linkWith(world, care, 'waitingForHim', askingParent);
  care.appointment = await freshAppointment(world, care, { minutes: 600 });
  // She booked him: his name is on her appointments and in her access log.
  know(care, owner.id, world.cast.provider.id);
  return care;
}

function know(care: CareCast, viewerId: string, personId: string): void {
  const known = care.knows.get(viewerId) ?? new Set<string>();
  known.add(personId);
  care.knows.set(viewerId, known);
}

/**
 * A link of this kind between the owner and `parent`: 'active' (she made the code, confirmed him,
 * shares her prediction only), 'waitingForHer' (he entered her code), 'waitingForHim' (she entered
 * his). Until the maker confirms, whoever entered the code is shown nobody; the maker sees who did.
 */
async function linkWith(
  world: World,
  care: CareCast,
  kind: keyof CareCast['links'],
  parent: Actor,
): Promise<string> {
  const { t, owner } = world;
  if (kind === 'active') {
    know(care, owner.id, parent.id);
    know(care, parent.id, owner.id);
    return linkByCode(t, owner, parent, { scopes: NARROW_SHARING });
  }
  if (kind === 'waitingForHer') {
    know(care, owner.id, parent.id);
    return linkByCode(t, owner, parent, { confirm: false });
  }
  know(care, parent.id, owner.id);
  return linkByCode(t, parent, owner, { confirm: false });
}

/** A new parent with a new link of this kind, for a case that changes or ends it; the cast's own stay. */
export async function freshLink(
  world: World,
  care: CareCast,
  kind: keyof CareCast['links'],
): Promise<{ id: string; parent: Actor }> {
  const parent = await signUp(world.t, 'parent');
  world.people.push(parent);
  return { id: await linkWith(world, care, kind, parent), parent };
}

/**
 * A new appointment she books with the cast's provider, at his first free slot `minutes` from now
 * or later (requested; `confirmed` has him confirm it), sharing her cycle summary, in her words.
 */
export async function freshAppointment(
  world: World,
  care: Pick<CareCast, 'herWords'>,
  opts: { minutes: number; confirmed?: boolean },
): Promise<string> {
  const { t, owner, cast } = world;
  const slot = await slotAfter(t, owner.accessToken, cast.provider.id, opts.minutes);
  const made = await booked(t, owner.accessToken, {
    providerId: cast.provider.id,
    start: slot.start,
    reason: 'pain',
    words: care.herWords,
    shareSummary: true,
  });
  if (opts.confirmed) {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/appointments/${made.id}/confirm`,
      token: cast.provider.accessToken,
    });
    if (res.statusCode !== 200) throw new Error(`confirming: ${res.statusCode} ${res.body}`);
  }
  return made.id;
}

/** What an answer may show a viewer beyond what is hers: see PolicyEntry.reveals. */
export type Showing = {
  reveals?: PolicyEntry['reveals'];
  /** Her cycle summary (period dates) is the viewer's to see here: her provider, while the visit is open. */
  summary?: boolean;
};

/**
 * What `viewer` must never be shown: other people's emails and phones always, their names unless
 * the viewer knows them (a link, a booking) or the route shows providers' public names; and of
 * the owner's, her notes, her words, her period dates and her id unless they are the viewer's to see.
 */
export function forbiddenTo(
  world: Pick<World, 'owner' | 'cast' | 'people' | 'target' | 'marker'>,
  care: Pick<CareCast, 'knows' | 'unverifiedProvider' | 'herWords' | 'herPeriodDates'>,
  viewer: Actor | undefined,
  showing: Showing = {},
): Secret[] {
  const { owner, cast } = world;
  const known = (viewer && care.knows.get(viewer.id)) || new Set<string>();
  const publicName = (p: Actor) =>
    p.role === 'provider' &&
    (showing.reveals === 'provider-applicants' ||
      (showing.reveals === 'providers' && p.id !== care.unverifiedProvider.id));
  const others = world.people.filter(
    (p) => p.id !== viewer?.id && !(showing.reveals === 'target' && p.id === world.target.id),
  );
  const secrets = others.flatMap((p) =>
    piiOf(p).filter((s) => s.value !== p.name || !(known.has(p.id) || publicName(p))),
  );
  if (viewer?.id === owner.id) return secrets;
  const herProvider = viewer?.id === cast.provider.id;
  secrets.push({ label: "the owner's health notes", value: world.marker });
  if (!herProvider) secrets.push({ label: 'her words on her appointment', value: care.herWords });
  if (!(herProvider && showing.summary))
    secrets.push(...care.herPeriodDates.map((d) => ({ label: `her period date ${d}`, value: d })));
  if (!known.has(owner.id)) secrets.push({ label: 'her account id', value: owner.id });
  return secrets;
}
