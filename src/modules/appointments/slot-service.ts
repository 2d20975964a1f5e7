import type { ProviderProfileRow } from '../../platform/db/tables.ts';
import { AppError, assertThat } from '../../platform/http/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { DEFAULT_TIME_ZONE, localDate } from '../../platform/time.ts';
import { addDays, daysBetween } from '../cycles/engine/dates.ts';
import type { DirectoryFilter } from '../providers/repo.ts';
import type { DirectoryEntry, DistrictSchedule, ProviderServiceApi } from '../providers/service.ts';
import { type Candidate, daySlotsInOrder } from './day-merge.ts';
import type { AppointmentRepo } from './repo.ts';
import { daySlots, freeSlots, type Interval, localTimeToInstant, type Schedule } from './slots.ts';

const DEFAULT_RANGE_DAYS = 14;
export const MAX_RANGE_DAYS = 62;
/** How far ahead she may book: slots past it are not shown (the lists show 62 days at a time). */
export const BOOKING_HORIZON_DAYS = 92;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type DateRange = { from?: string | undefined; to?: string | undefined };
export type SlotView = { start: string; end: string };
export type DistrictSlot = SlotView & { provider: Pick<DirectoryEntry, 'id' | 'displayName' | 'facility'> };
const byTime = (a: Candidate, b: Candidate) => a.slot.start - b.slot.start || a.order - b.order;

const view = (slot: Interval): SlotView => ({
  start: new Date(slot.start).toISOString(),
  end: new Date(slot.end).toISOString(),
});

/** A span of real time surely covering every local date from `from` to `to`, in any zone. */
function coverOf(from: string, to: string): { start: Date; end: Date } {
  return {
    start: new Date(Date.parse(`${from}T00:00:00Z`) - 15 * HOUR),
    end: new Date(Date.parse(`${to}T00:00:00Z`) + DAY + 13 * HOUR),
  };
}

/**
 * Free slots, computed on every read from hours, days off and live appointments (never stored).
 * Only verified providers have any: anyone else is 404, as if unknown.
 */
export function createSlotService(deps: {
  providers: Pick<ProviderServiceApi, 'bookable' | 'scheduleOf' | 'schedules'>;
  repo: Pick<AppointmentRepo, 'busy'>;
  /**
   * Slots open for booking this many minutes ahead: the cancel/reschedule cut-off, so that every
   * booking she makes is one she can still cancel.
   */
  leadMinutes: number;
  clock: () => Date;
}) {
  const { providers, repo, clock } = deps;
  /** The earliest start open for booking now. */
  const earliestStart = () => clock().getTime() + deps.leadMinutes * 60_000;

  /** The dates asked for, in a time zone: default today … +14 days; at most 62 days; none before today. */
  function resolveRange(range: DateRange, timeZone: string): { from: string; to: string } {
    const today = localDate(clock(), timeZone);
    const from = range.from ?? today;
    const to = range.to ?? addDays(from, DEFAULT_RANGE_DAYS);
    if (to < from) throw new AppError('invalid_date_range', 'The end is before the start');
    assertThat(
      daysBetween(from, to) < MAX_RANGE_DAYS,
      'validation_failed',
      `Ask for at most ${MAX_RANGE_DAYS} days at a time`,
    );
    // Nothing before today (past slots are never free), nothing past the booking horizon.
    const last = addDays(today, BOOKING_HORIZON_DAYS - 1);
    return { from: [from, today].sort()[1] ?? from, to: [to, last].sort()[0] ?? to };
  }

  async function busyOf(providerIds: string[], from: string, to: string): Promise<Map<string, Interval[]>> {
    const cover = coverOf(from, to);
    return byProvider(await repo.busy(providerIds, cover.start, cover.end));
  }

  async function freeOf(row: ProviderProfileRow, range: DateRange) {
    const { from, to } = resolveRange(range, row.time_zone);
    if (to < from) return { schedule: undefined, slots: [] as Interval[] };
    const [schedule, busy] = await Promise.all([
      providers.scheduleOf(row, from, to),
      busyOf([row.user_id], from, to),
    ]);
    const slots = freeSlots(schedule, {
      from,
      to,
      now: earliestStart(),
      busy: busy.get(row.user_id) ?? [],
    });
    return { schedule, slots };
  }

  /** The live appointments of the candidates' providers over the candidates' span. */
  async function busyDuring(found: readonly DistrictSchedule[], part: readonly Candidate[]) {
    const ids = [...new Set(part.map((c) => found[c.order]?.entry.id ?? ''))];
    const first = part[0]?.slot.start ?? 0;
    const last = Math.max(...part.map((c) => c.slot.end));
    return byProvider(await repo.busy(ids, new Date(first), new Date(last)));
  }

  /**
   * The first `wanted` candidates (in time order) that no live appointment overlaps, asking the
   * database about a few at a time (twice as many as wanted, then four times more…).
   */
  async function firstFree(
    found: readonly DistrictSchedule[],
    next: () => Candidate | undefined,
    wanted: number,
    ctx: RequestContext | undefined,
  ): Promise<Candidate[]> {
    const free: Candidate[] = [];
    for (let batch = wanted * 2; free.length < wanted; batch *= 4) {
      const part = take(next, batch);
      if (part.length === 0) break;
      const busy = await busyDuring(found, part);
      for (const c of part) {
        if (free.length >= wanted) break;
        const provider = found[c.order];
        if (provider && !overlapsAny(c.slot, busy.get(provider.entry.id)) && (await provider.intact(ctx)))
          free.push(c);
      }
      if (part.length < batch) break;
    }
    return free;
  }

  async function bookableRow(providerId: string, ctx?: RequestContext): Promise<ProviderProfileRow> {
    const provider = await providers.bookable(providerId, ctx);
    assertThat(provider, 'not_found', 'No such provider');
    return provider.row;
  }

  return {
    /** One provider's free slots between two of the provider's local dates. */
    async providerSlots(providerId: string, range: DateRange, ctx?: RequestContext) {
      const row = await bookableRow(providerId, ctx);
      const { slots } = await freeOf(row, range);
      return { providerId, timeZone: row.time_zone, slotMinutes: row.slot_minutes, slots: slots.map(view) };
    },

    /** The provider's local dates that have at least one free slot, with how many (a phone menu's first step). */
    async freeDays(providerId: string, range: DateRange, ctx?: RequestContext) {
      const row = await bookableRow(providerId, ctx);
      const { slots } = await freeOf(row, range);
      const counts = new Map<string, number>();
      for (const slot of slots) {
        const date = localDate(slot.start, row.time_zone);
        counts.set(date, (counts.get(date) ?? 0) + 1);
      }
      return {
        providerId,
        timeZone: row.time_zone,
        days: [...counts].map(([date, free]) => ({ date, free })),
      };
    },

    /**
     * The grid slot of a provider that starts exactly at `start`, if the schedule has one there
     * (right weekday and hours, not a day off, not inside the cut-off). Whether it is free is the
     * database's to say, at insert.
     */
    async scheduledSlot(row: ProviderProfileRow, start: number): Promise<Interval | undefined> {
      if (Number.isNaN(start) || start < earliestStart()) return undefined;
      const date = localDate(start, row.time_zone);
      const schedule = await providers.scheduleOf(row, date, date);
      return daySlots(schedule, date).find((slot) => slot.start === start);
    },

    /**
     * The earliest free slots across a district's verified providers (language and service
     * optional), between two dates (each provider's own local dates; default today in Kigali
     * … +14 days). Day by day, the day's schedule slots of every provider are taken in time order
     * and checked against the database a few at a time, so a busy district costs a few small
     * queries rather than every booking of the day.
     */
    async districtSlots(
      filter: DirectoryFilter & DateRange & { limit?: number | undefined },
      ctx?: RequestContext,
    ): Promise<DistrictSlot[]> {
      const limit = filter.limit ?? 20;
      const { from, to } = resolveRange(filter, DEFAULT_TIME_ZONE);
      const found = await providers.schedules(
        { district: filter.district, language: filter.language, service: filter.service },
        addDays(from, -1),
      );
      const now = earliestStart();
      // Providers come in name order: equal times are listed in that order.
      const result: Candidate[] = [];
      for (let date = from; date <= to && found.length > 0; date = addDays(date, 1)) {
        result.push(...(await firstFree(found, daySlotsInOrder(found, date, now), limit, ctx)));
        result.sort(byTime);
        const last = result[limit - 1];
        if (last && last.slot.start <= earliestStartOf(found, addDays(date, 1))) break;
      }
      return result.slice(0, limit).map(({ slot, order }) => {
        const entry = found[order]?.entry as DirectoryEntry;
        return {
          ...view(slot),
          provider: { id: entry.id, displayName: entry.displayName, facility: entry.facility },
        };
      });
    },
  };
}
export type SlotService = ReturnType<typeof createSlotService>;

/** Up to `count` more candidates, fewer when the day has no more. */
function take(next: () => Candidate | undefined, count: number): Candidate[] {
  const part: Candidate[] = [];
  while (part.length < count) {
    const c = next();
    if (!c) break;
    part.push(c);
  }
  return part;
}

/** Live appointments as intervals, by provider. */
function byProvider(rows: ReadonlyArray<{ provider_id: string; starts_at: Date; ends_at: Date }>) {
  const busy = new Map<string, Interval[]>();
  for (const r of rows) {
    const list = busy.get(r.provider_id) ?? [];
    list.push({ start: r.starts_at.getTime(), end: r.ends_at.getTime() });
    busy.set(r.provider_id, list);
  }
  return busy;
}

function overlapsAny(slot: Interval, busy: readonly Interval[] | undefined): boolean {
  return busy?.some((b) => b.start < slot.end && slot.start < b.end) ?? false;
}

/** The first instant any provider's local `date` begins: no slot of a later date starts before it. */
function earliestStartOf(found: ReadonlyArray<{ schedule: Schedule }>, date: string): number {
  let earliest = Number.POSITIVE_INFINITY;
  const zones = new Set(found.map((p) => p.schedule.timeZone));
  for (const zone of zones) {
    earliest = Math.min(
      earliest,
      localTimeToInstant(date, 0, zone) ?? Date.parse(`${date}T00:00:00Z`) - 14 * HOUR,
    );
  }
  return earliest;
}
