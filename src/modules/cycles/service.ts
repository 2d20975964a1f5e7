import { randomUUID } from 'node:crypto';
import type { DataProtection, UserVault } from '../../platform/crypto/data-protection.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, assertThat } from '../../platform/http/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { localDate } from '../../platform/time.ts';
import type { AuditService } from '../audit/service.ts';
import type { ConsentService } from '../consents/service.ts';
import type { UserService } from '../users/service.ts';
import { addDays, daysBetween } from './engine/index.ts';
import type { Flow, IsoDate } from './engine/types.ts';
import { createHealthAudit, type HealthRead } from './health-audit.ts';
import type { CycleRepo, SealedRow } from './repo.ts';

export type Period = {
  id: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  flow: Flow | null;
  notes: string | null;
};
export type PeriodInput = {
  startDate?: IsoDate | undefined;
  endDate?: IsoDate | null | undefined;
  flow?: Flow | undefined;
  notes?: string | undefined;
  confirm?: boolean | undefined;
};
/** A period as she reads it: `ongoing` only while it is plausibly still going on (see below). */
export type PeriodView = Period & { ongoing: boolean };
/** What a save did: `created` false when it was a repeat of what is stored (a double tap, a replay). */
export type SavedPeriod = { period: PeriodView; created: boolean };
export type DayEntry = {
  flow?: Flow | undefined;
  symptoms?: string[] | undefined;
  otherSymptoms?: string[] | undefined;
  mood?: string | undefined;
  pain?: number | undefined;
  energy?: string | undefined;
  sleepHours?: number | undefined;
  basalTemperature?: number | undefined;
  cervicalMucus?: string | undefined;
  notes?: string | undefined;
};
export type DayLog = DayEntry & { date: IsoDate; symptoms: string[]; otherSymptoms: string[] };

/**
 * A period whose end is not logged counts as lasting this long (never past today) when checking
 * overlaps, whichever of two periods was logged first; and it is shown as ongoing only while it
 * is her latest period and started fewer than this many days ago. Past that, its end is unknown,
 * not invented: it keeps `endDate: null` with `ongoing: false` ("end not logged"), and logging
 * her period's end still closes it (asking to confirm an unusual length).
 */
const OPEN_PERIOD_DAYS = 10;
/** Beyond these, a period or a cycle is unusual enough to ask "are you sure?" (confirm: true). */
const UNUSUAL_PERIOD_DAYS = 10;
const UNUSUAL_SHORT_CYCLE_DAYS = 18;
const MAX_RANGE_DAYS = 366;

const periodField = (id: string) => ({ table: 'periods', column: 'data', rowId: id });
const dayField = (id: string) => ({ table: 'day_logs', column: 'data', rowId: id });

/** Her periods and daily logs: the one place the logging rules live, for every channel. */
export function createCycleService(deps: {
  db: Db;
  repo: CycleRepo;
  users: UserService;
  consents: Pick<ConsentService, 'healthDataAllowed'>;
  dataProtection: DataProtection;
  audit: AuditService;
  clock: () => Date;
}) {
  const { repo, dataProtection } = deps;
  const healthAudit = createHealthAudit({ audit: deps.audit, clock: deps.clock });

  async function todayOf(userId: string): Promise<IsoDate> {
    const row = await deps.users.findRow(userId);
    assertThat(row, 'not_found', 'No such account');
    return localDate(deps.clock(), row.time_zone);
  }

  function openPeriods(vault: UserVault, rows: SealedRow[]): Period[] {
    return rows
      .map((r) => ({
        id: r.id,
        ...(JSON.parse(vault.open(periodField(r.id), r.data)) as Omit<Period, 'id'>),
      }))
      .sort((a, b) => a.startDate.localeCompare(b.startDate));
  }

  /** Every period she has, oldest first. Not audited: its callers note their own read (or export). */
  async function allPeriods(userId: string): Promise<Period[]> {
    const vault = await dataProtection.vaultFor(userId);
    return openPeriods(vault, await repo.listPeriods(userId));
  }

  /** A young teenager's health data is kept only once a guardian has consented. */
  async function assertMayKeepHealthData(userId: string): Promise<void> {
    if (!(await deps.consents.healthDataAllowed(userId))) {
      throw new AppError(
        'guardian_consent_required',
        'A parent or guardian must give consent before health data can be kept',
      );
    }
  }

  /**
   * The one writer of periods, for every channel. Her writes are serialised by a lock on her
   * account row: the overlap rule reads her periods, then writes, and her dates are sealed under
   * her key, so no database constraint can see them. A save that changes nothing (the same start
   * sent again, an end logged again on the same day) answers what is stored and writes nothing.
   */
  async function savePeriod(
    userId: string,
    target: Target,
    input: PeriodInput,
    ctx: RequestContext,
  ): Promise<SavedPeriod> {
    await assertMayKeepHealthData(userId);
    const today = await todayOf(userId);
    const vault = await dataProtection.vaultFor(userId);
    const result = await deps.db.transaction().execute(async (tx) => {
      await repo.lockUser(userId, tx);
      const all = openPeriods(vault, await repo.listPeriods(userId, tx));
      const { existing, repeat } = findTarget(all, target, input, today);
      const period = repeat ?? merged(existing, input, today);
      if (repeat || (existing && samePeriod(existing, period)))
        return { period: existing ?? period, all, created: false, changed: false };
      const others = all.filter((p) => p.id !== period.id);
      checkPeriod(period, others, today, input.confirm === true, existing);
      const data = vault.seal(periodField(period.id), JSON.stringify(withoutId(period)));
      if (existing) await repo.updatePeriod({ id: period.id, userId, data }, tx);
      else await repo.insertPeriod({ id: period.id, userId, data }, tx);
      const after = [...others, period].sort((a, b) => a.startDate.localeCompare(b.startDate));
      return { period, all: after, created: !existing, changed: true };
    });
    // A repeat changed nothing but answers what is stored: that is a read of it.
    if (result.changed) await healthAudit.changed(userId, ctx);
    else await healthAudit.read(userId, 'periods', ctx);
    return { period: viewOf(result.period, result.all, today), created: result.created };
  }

  return {
    todayOf,

    /** Notes a read of her health data in her access log (the views outside this file call it). */
    noteRead: (userId: string, kind: HealthRead, ctx: RequestContext) => healthAudit.read(userId, kind, ctx),

    async listPeriods(userId: string, ctx: RequestContext): Promise<PeriodView[]> {
      const [today, all] = await Promise.all([todayOf(userId), allPeriods(userId)]);
      await healthAudit.read(userId, 'periods', ctx);
      return all.map((p) => viewOf(p, all, today)).reverse();
    },

    /** Logs a period; the same start sent again answers the stored period (`created: false`). */
    createPeriod: (userId: string, input: PeriodInput, ctx: RequestContext) =>
      savePeriod(userId, { kind: 'new' }, input, ctx),
    updatePeriod: async (userId: string, id: string, input: PeriodInput, ctx: RequestContext) =>
      (await savePeriod(userId, { kind: 'id', id }, input, ctx)).period,

    /**
     * Ends her latest period if it is still open (the phone menu's "period ended"); ending it
     * again on the day it already ends answers it as it is.
     */
    async endOpenPeriod(
      userId: string,
      endDate: IsoDate,
      confirm: boolean,
      ctx: RequestContext,
    ): Promise<PeriodView> {
      return (await savePeriod(userId, { kind: 'open' }, { endDate, confirm }, ctx)).period;
    },

    async deletePeriod(userId: string, id: string, ctx: RequestContext): Promise<void> {
      assertThat(await repo.deletePeriod(id, userId), 'not_found', 'No such period');
      await healthAudit.changed(userId, ctx);
    },

    /**
     * Records her log for one day: `replace` (REST PUT) swaps the whole day, `merge` (a quick log
     * from a phone) keeps what was logged earlier that day and adds to it.
     */
    async logDay(
      userId: string,
      date: IsoDate,
      entry: DayEntry,
      ctx: RequestContext,
      mode: 'replace' | 'merge' = 'replace',
    ): Promise<DayLog> {
      await assertMayKeepHealthData(userId);
      const today = await todayOf(userId);
      if (date > today)
        throw new AppError('date_in_future', `You can log today (${today}) or earlier, not ${date}`, {
          params: { today },
        });
      const vault = await dataProtection.vaultFor(userId);
      const dayIndex = vault.index('day', date);
      // One writer per person at a time: two saves of the same day must not both think the day is
      // new (the row id is bound into the ciphertext, so a crossed write would be unreadable).
      const log = await deps.db.transaction().execute(async (tx) => {
        await repo.lockUser(userId, tx);
        const existingId = await repo.findDayId(userId, dayIndex, tx);
        const id = existingId ?? randomUUID();
        const earlier =
          mode === 'merge' && existingId ? (await repo.findDays(userId, [dayIndex], tx))[0] : undefined;
        const base = earlier
          ? (JSON.parse(vault.open(dayField(earlier.id), earlier.data)) as DayLog)
          : undefined;
        const next: DayLog = {
          ...base,
          ...entry,
          date,
          symptoms: [...new Set([...(base?.symptoms ?? []), ...(entry.symptoms ?? [])])],
          otherSymptoms: [...(base?.otherSymptoms ?? []), ...(entry.otherSymptoms ?? [])],
        };
        await repo.upsertDay(
          { id, userId, dayIndex, data: vault.seal(dayField(id), JSON.stringify(next)) },
          tx,
        );
        return next;
      });
      await healthAudit.changed(userId, ctx);
      return log;
    },

    async deleteDay(userId: string, date: IsoDate, ctx: RequestContext): Promise<void> {
      const vault = await dataProtection.vaultFor(userId);
      assertThat(
        await repo.deleteDay(userId, vault.index('day', date)),
        'not_found',
        'Nothing is logged for that day',
      );
      await healthAudit.changed(userId, ctx);
    },

    async listDays(userId: string, from: IsoDate, to: IsoDate, ctx: RequestContext): Promise<DayLog[]> {
      if (to < from) throw new AppError('invalid_date_range', '`to` is before `from`');
      const span = daysBetween(from, to);
      if (span >= MAX_RANGE_DAYS)
        throw new AppError('validation_failed', `Ask for at most ${MAX_RANGE_DAYS} days at a time`);
      const vault = await dataProtection.vaultFor(userId);
      const dates = Array.from({ length: span + 1 }, (_, i) => addDays(from, i));
      const rows = await repo.findDays(
        userId,
        dates.map((d) => vault.index('day', d)),
      );
      const days = openDays(vault, rows);
      await healthAudit.read(userId, 'day_logs', ctx);
      return days;
    },

    /** Every daily log she has, oldest first (for predictions, statistics, export). Not audited, as allPeriods. */
    async allDays(userId: string): Promise<DayLog[]> {
      const vault = await dataProtection.vaultFor(userId);
      return openDays(vault, await repo.listDays(userId));
    },

    allPeriods,
  };
}
export type CycleService = ReturnType<typeof createCycleService>;

function openDays(vault: UserVault, rows: SealedRow[]): DayLog[] {
  return rows
    .map((r) => JSON.parse(vault.open(dayField(r.id), r.data)) as DayLog)
    .sort((a, b) => a.date.localeCompare(b.date));
}

function withoutId(period: Period): Omit<Period, 'id'> {
  const { id: _id, ...rest } = period;
  return rest;
}

type Target = { kind: 'new' } | { kind: 'id'; id: string } | { kind: 'open' };

/**
 * The stored period a save changes (none for a new one), or the stored period a new one merely
 * repeats. "The open period" is her latest one, also when it already ends on the given day.
 */
function findTarget(
  all: Period[],
  target: Target,
  input: PeriodInput,
  today: IsoDate,
): { existing?: Period; repeat?: Period } {
  if (target.kind === 'id') {
    const existing = all.find((p) => p.id === target.id);
    if (!existing) throw new AppError('not_found', 'No such period');
    return { existing };
  }
  if (target.kind === 'open') {
    const latest = all.at(-1);
    if (!latest || (latest.endDate !== null && latest.endDate !== input.endDate))
      throw new AppError('not_found', 'There is no open period to end');
    return { existing: latest };
  }
  const start = input.startDate ?? today;
  const same = all.find((p) => p.startDate === start);
  return same && repeats(same, input) ? { repeat: same } : {};
}

/** The period after this save: what she sent, over what was stored. */
function merged(existing: Period | undefined, input: PeriodInput, today: IsoDate): Period {
  return {
    id: existing?.id ?? randomUUID(),
    startDate: input.startDate ?? existing?.startDate ?? today,
    endDate: input.endDate === undefined ? (existing?.endDate ?? null) : input.endDate,
    flow: input.flow ?? existing?.flow ?? null,
    notes: input.notes ?? existing?.notes ?? null,
  };
}

/** `ongoing`: her latest period, its end not logged, started fewer than OPEN_PERIOD_DAYS ago. */
function viewOf(period: Period, all: Period[], today: IsoDate): PeriodView {
  const latest = all.every((p) => p.startDate <= period.startDate);
  const ongoing =
    period.endDate === null && latest && daysBetween(period.startDate, today) < OPEN_PERIOD_DAYS;
  return { ...period, ongoing };
}

/** The same start sent again with nothing that differs from what is stored: a repeat, not a change. */
function repeats(stored: Period, input: PeriodInput): boolean {
  return (
    (input.endDate === undefined || input.endDate === stored.endDate) &&
    (input.flow === undefined || input.flow === stored.flow) &&
    (input.notes === undefined || input.notes === stored.notes)
  );
}

function samePeriod(a: Period, b: Period): boolean {
  return a.startDate === b.startDate && a.endDate === b.endDate && a.flow === b.flow && a.notes === b.notes;
}

/** The days a period covers: to its end, or OPEN_PERIOD_DAYS from its start (never past today). */
function extentOf(period: Period, today: IsoDate): [IsoDate, IsoDate] {
  const assumed = minDate(today, addDays(period.startDate, OPEN_PERIOD_DAYS - 1));
  return [period.startDate, period.endDate ?? maxDate(period.startDate, assumed)];
}

/**
 * Dates in order, not in the future, no overlap; unusual lengths need her confirmation, asked
 * about what this save changes (ending a period whose close start she confirmed asks nothing).
 */
function checkPeriod(
  period: Period,
  others: Period[],
  today: IsoDate,
  confirmed: boolean,
  previous: Period | undefined,
): void {
  const { startDate: start, endDate: end } = period;
  if (start > today)
    throw new AppError('date_in_future', `A period cannot start after today (${today})`, {
      params: { today },
    });
  if (end !== null && end < start)
    throw new AppError('invalid_date_range', 'The period ends before it starts');
  if (end !== null && end > today)
    throw new AppError('date_in_future', `Log the end on the day it happens (today is ${today})`, {
      params: { today },
    });
  const [first, last] = extentOf(period, today);
  for (const other of others) {
    const [otherFirst, otherLast] = extentOf(other, today);
    if (first <= otherLast && otherFirst <= last) {
      const otherOpen = other.endDate === null;
      throw new AppError(
        'period_overlap',
        `It overlaps the period that started on ${other.startDate}${otherOpen ? ' and has no end logged' : ''}`,
        { params: { otherStart: other.startDate, otherOpen } },
      );
    }
  }
  if (confirmed) return;
  const moved = previous === undefined || previous.startDate !== start;
  const lengthChanged = moved || previous.endDate !== end;
  if (lengthChanged && end !== null && daysBetween(start, end) + 1 > UNUSUAL_PERIOD_DAYS) {
    const days = daysBetween(start, end) + 1;
    throw new AppError('confirmation_required', `A period of ${days} days is unusually long`, {
      params: { reason: 'long_period', days },
    });
  }
  const closest = others
    .map((o) => ({ other: o, days: Math.abs(daysBetween(o.startDate, start)) }))
    .sort((a, b) => a.days - b.days)[0];
  if (moved && closest && closest.days < UNUSUAL_SHORT_CYCLE_DAYS) {
    throw new AppError(
      'confirmation_required',
      `That is only ${closest.days} days from another period's start`,
      { params: { reason: 'short_cycle', days: closest.days, otherStart: closest.other.startDate } },
    );
  }
}

function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
