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

/** An open period counts as lasting this long (or until today) when checking overlaps. */
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

  async function savePeriod(userId: string, id: string | undefined, input: PeriodInput, ctx: RequestContext) {
    await assertMayKeepHealthData(userId);
    const today = await todayOf(userId);
    const vault = await dataProtection.vaultFor(userId);
    const saved = await deps.db.transaction().execute(async (tx) => {
      await repo.lockUser(userId, tx);
      const all = openPeriods(vault, await repo.listPeriods(userId, tx));
      const existing = id === undefined ? undefined : all.find((p) => p.id === id);
      if (id !== undefined && !existing) throw new AppError('not_found', 'No such period');
      const period: Period = {
        id: id ?? randomUUID(),
        startDate: input.startDate ?? existing?.startDate ?? today,
        endDate: input.endDate === undefined ? (existing?.endDate ?? null) : input.endDate,
        flow: input.flow ?? existing?.flow ?? null,
        notes: input.notes ?? existing?.notes ?? null,
      };
      checkPeriod(
        period,
        all.filter((p) => p.id !== period.id),
        today,
        input.confirm === true,
      );
      const data = vault.seal(periodField(period.id), JSON.stringify(withoutId(period)));
      if (existing) await repo.updatePeriod({ id: period.id, userId, data }, tx);
      else await repo.insertPeriod({ id: period.id, userId, data }, tx);
      return period;
    });
    await healthAudit.changed(userId, ctx);
    return saved;
  }

  return {
    todayOf,

    /** Notes a read of her health data in her access log (the views outside this file call it). */
    noteRead: (userId: string, kind: HealthRead, ctx: RequestContext) => healthAudit.read(userId, kind, ctx),

    async listPeriods(userId: string, ctx: RequestContext): Promise<Period[]> {
      const vault = await dataProtection.vaultFor(userId);
      const periods = openPeriods(vault, await repo.listPeriods(userId)).reverse();
      await healthAudit.read(userId, 'periods', ctx);
      return periods;
    },

    createPeriod: (userId: string, input: PeriodInput, ctx: RequestContext) =>
      savePeriod(userId, undefined, input, ctx),
    updatePeriod: (userId: string, id: string, input: PeriodInput, ctx: RequestContext) =>
      savePeriod(userId, id, input, ctx),

    /** Ends her latest period if it is still open (the phone menu's "period ended"). */
    async endOpenPeriod(
      userId: string,
      endDate: IsoDate,
      confirm: boolean,
      ctx: RequestContext,
    ): Promise<Period> {
      const latest = (await allPeriods(userId)).at(-1);
      if (!latest || latest.endDate !== null)
        throw new AppError('not_found', 'There is no open period to end');
      return savePeriod(userId, latest.id, { endDate, confirm }, ctx);
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
        throw new AppError('date_in_future', `You can log today (${today}) or earlier, not ${date}`);
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

/** Dates in order, not in the future, no overlap; unusual lengths need her confirmation. */
function checkPeriod(period: Period, others: Period[], today: IsoDate, confirmed: boolean): void {
  const { startDate: start, endDate: end } = period;
  if (start > today) throw new AppError('date_in_future', `A period cannot start after today (${today})`);
  if (end !== null && end < start)
    throw new AppError('invalid_date_range', 'The period ends before it starts');
  if (end !== null && end > today)
    throw new AppError('date_in_future', `Log the end on the day it happens (today is ${today})`);
  const last = end ?? start;
  for (const other of others) {
    const otherEnd = other.endDate ?? minDate(today, addDays(other.startDate, OPEN_PERIOD_DAYS - 1));
    if (start <= otherEnd && other.startDate <= last) {
      const open = other.endDate === null ? ' and has no end logged' : '';
      throw new AppError(
        'period_overlap',
        `It overlaps the period that started on ${other.startDate}${open}`,
      );
    }
  }
  if (confirmed) return;
  if (end !== null && daysBetween(start, end) + 1 > UNUSUAL_PERIOD_DAYS) {
    throw new AppError(
      'confirmation_required',
      `A period of ${daysBetween(start, end) + 1} days is unusually long`,
    );
  }
  const neighbours = others.map((o) => Math.abs(daysBetween(o.startDate, start)));
  const closest = Math.min(Number.POSITIVE_INFINITY, ...neighbours);
  if (closest < UNUSUAL_SHORT_CYCLE_DAYS) {
    throw new AppError('confirmation_required', `That is only ${closest} days from another period's start`);
  }
}

function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}
