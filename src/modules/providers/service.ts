import { createHmac } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import type { Language, ProviderProfileRow } from '../../platform/db/tables.ts';
import { AppError, assertThat } from '../../platform/http/errors.ts';
import { auditContextOf, type RequestContext } from '../../platform/request-context.ts';
import { eventContext, type SecurityEvents } from '../../platform/security/events.ts';
import { DEFAULT_TIME_ZONE, localDate } from '../../platform/time.ts';
import { isTimeZone, minuteOfDay, type Schedule } from '../appointments/slots.ts';
import type { AuditService } from '../audit/service.ts';
import { addDays } from '../cycles/engine/dates.ts';
import type { SessionService, TokenPair } from '../sessions/service.ts';
import type { PublicUser, UserService } from '../users/service.ts';
import type { VerificationService } from '../verification/service.ts';
import { DISTRICTS, type ProviderService } from './districts.ts';
import type { DirectoryFilter, DirectoryRow, ProviderRepo } from './repo.ts';
import type { ProfileSeal } from './seal.ts';

export type ProviderRegistration = {
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
  password: string;
  licenceNumber: string;
  facility: string;
  district: string;
  languages: Language[];
  services: ProviderService[];
  timeZone?: string | undefined;
  invitationCode?: string | undefined;
  acceptTerms: boolean;
};
export type ProviderProfile = {
  id: string;
  status: ProviderProfileRow['status'];
  displayName: string;
  facility: string;
  district: string;
  languages: Language[];
  services: string[];
  timeZone: string;
  slotMinutes: number;
  reviewNote: string | null;
  createdAt: string;
  verifiedAt: string | null;
};
export type DirectoryEntry = Pick<
  ProviderProfile,
  'id' | 'displayName' | 'facility' | 'district' | 'languages' | 'services' | 'timeZone' | 'slotMinutes'
>;
/** What a provider may change of her directory entry (PUT /providers/me). */
export type ProfileEdit = {
  displayName?: string | undefined;
  facility?: string | undefined;
  district?: string | undefined;
  languages?: Language[] | undefined;
  services?: ProviderService[] | undefined;
};
export type Availability = {
  timeZone: string;
  slotMinutes: number;
  weekly: Array<{ weekday: number; opens: string; closes: string }>;
  daysOff: string[];
};
/** A verified provider as booking and slots need it: who, where, and the schedule's shape. */
export type BookableProvider = { row: ProviderProfileRow; entry: DirectoryEntry };

/** A listed provider's schedule; `intact` checks the row's MAC once, when its slots are shown. */
export type DistrictSchedule = {
  entry: DirectoryEntry;
  schedule: Schedule;
  /** Whether the row's MAC holds; a row that fails is noted as this request's security event. */
  intact: (ctx?: RequestContext) => Promise<boolean>;
};

const DEFAULT_SLOT_MINUTES = 30;
/** Filters (district, language, service) whose lists are remembered. */
const REMEMBERED_LISTS = 200;
/** Providers whose schedules are remembered (every provider of a country's directory). */
const REMEMBERED_SCHEDULES = 50_000;
const DIRECTORY_LIMIT = 200;
export const licenceField = (userId: string) => ({
  table: 'provider_profiles',
  column: 'licence',
  rowId: userId,
});

export function toProfile(row: ProviderProfileRow): ProviderProfile {
  return {
    id: row.user_id,
    status: row.status,
    displayName: row.display_name,
    facility: row.facility,
    district: row.district,
    languages: row.languages,
    services: row.services,
    timeZone: row.time_zone,
    slotMinutes: row.slot_minutes,
    reviewNote: row.review_note,
    createdAt: row.created_at.toISOString(),
    verifiedAt: row.verified_at?.toISOString() ?? null,
  };
}

export function toDirectoryEntry(row: DirectoryRow): DirectoryEntry {
  return {
    id: row.user_id,
    displayName: row.display_name,
    facility: row.facility,
    district: row.district,
    languages: row.languages,
    services: row.services,
    timeZone: row.time_zone,
    slotMinutes: row.slot_minutes,
  };
}

/** An admin's invitation code: 12 letters and digits a person can read out, grouped by four. */
const INVITATION_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function normalizeInvitation(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
export function invitationHasher(key: Buffer) {
  return (code: string) => createHmac('sha256', key).update(normalizeInvitation(code)).digest();
}
export function newInvitationCode(random: (max: number) => number): string {
  const chars = Array.from({ length: 12 }, () => INVITATION_ALPHABET[random(INVITATION_ALPHABET.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}

/**
 * Health providers: registration (pending until an admin verifies, or verified at once with an
 * admin's invitation), their own profile and opening hours, and the public directory of verified
 * providers. A profile whose MAC fails counts as absent everywhere and is a security event.
 */
export function createProviderService(deps: {
  db: Db;
  repo: ProviderRepo;
  users: Pick<UserService, 'create'>;
  sessions: Pick<SessionService, 'start'>;
  verification: Pick<VerificationService, 'startPhoneVerification' | 'assertTextable'>;
  audit: AuditService;
  events: Pick<SecurityEvents, 'record'>;
  profileSeal: ProfileSeal;
  invitationKey: Buffer;
  clock: () => Date;
}) {
  const { repo, audit, profileSeal, clock } = deps;
  const hashInvitation = invitationHasher(deps.invitationKey);

  /** A row whose MAC fails: absent, and a security event (someone wrote the table without the key). */
  async function tampered(ctx: RequestContext | undefined, subject: string): Promise<undefined> {
    await deps.events.record({
      type: 'row_seal_broken',
      ...(ctx ? eventContext(ctx) : { route: 'provider_profiles', ip: 'internal' }),
      subject,
      detail: 'provider_profiles',
    });
    return undefined;
  }

  /** The profile row, unless it was written without the server's key. */
  async function profileRow(userId: string, ctx?: RequestContext): Promise<ProviderProfileRow | undefined> {
    const row = await repo.findProfile(userId);
    if (!row) return undefined;
    return profileSeal.intact(row) ? row : tampered(ctx, userId);
  }

  /** A verified provider of an active account, or undefined (unknown, unverified, tampered, closed). */
  async function bookable(providerId: string, ctx?: RequestContext): Promise<BookableProvider | undefined> {
    const [row, active] = await Promise.all([profileRow(providerId, ctx), repo.accountActive(providerId)]);
    if (row?.status !== 'verified' || !active) return undefined;
    return { row, entry: toDirectoryEntry(row) };
  }

  // The district search reads hundreds of schedules per request. A filter's list is reused while
  // the directory's version (one small query, asked every time) is unchanged; each provider's
  // schedule while that provider's rows are.
  const recentLists = new Map<string, { digest: string; since: string; schedules: DistrictSchedule[] }>();
  const knownSchedules = new Map<string, { version: string; since: string; schedule: DistrictSchedule }>();

  /** Listed providers' rows as schedules, by provider. */
  function scheduleOfRows(found: Awaited<ReturnType<ProviderRepo['listedSchedules']>>) {
    const byProvider = new Map(
      found.profiles.map((row) => [
        row.user_id,
        { row, hours: [] as typeof found.hours, off: new Set<string>() },
      ]),
    );
    for (const h of found.hours) byProvider.get(h.provider_id)?.hours.push(h);
    for (const d of found.daysOff) byProvider.get(d.provider_id)?.off.add(d.day);
    const schedules = new Map<string, DistrictSchedule>();
    for (const [id, { row, hours: weekly, off }] of byProvider) {
      let sealed: boolean | undefined;
      const intact = async (asker?: RequestContext) => {
        sealed ??= profileSeal.intact(row);
        if (!sealed) await tampered(asker, row.user_id);
        return sealed;
      };
      schedules.set(id, {
        entry: toDirectoryEntry(row),
        schedule: { timeZone: row.time_zone, slotMinutes: row.slot_minutes, weekly, daysOff: off },
        intact,
      });
    }
    return schedules;
  }

  function checkTimeZone(timeZone: string): void {
    assertThat(isTimeZone(timeZone), 'validation_failed', `Unknown time zone: ${timeZone}`);
  }

  return {
    profileRow,
    bookable,

    /**
     * The caller, as a provider allowed to touch patient data: verified, untampered. Anything
     * else (pending, rejected, suspended, no profile) is 403 provider_unverified.
     */
    async assertVerified(providerId: string, ctx?: RequestContext): Promise<ProviderProfileRow> {
      const row = await profileRow(providerId, ctx);
      if (row?.status !== 'verified')
        throw new AppError(
          'provider_unverified',
          'An admin has not verified this provider account (or it is suspended)',
        );
      return row;
    },

    districts: () => DISTRICTS.map((d) => ({ code: d.code, name: d.name, province: d.province })),

    async register(
      input: ProviderRegistration,
      ctx: RequestContext,
    ): Promise<TokenPair & { user: PublicUser; provider: ProviderProfile }> {
      const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
      checkTimeZone(timeZone);
      const codeHash = input.invitationCode === undefined ? null : hashInvitation(input.invitationCode);
      if (codeHash && !(await repo.invitationLive(codeHash, clock()))) {
        await deps.events.record({
          type: 'code_failed',
          ...eventContext(ctx),
          detail: 'provider_invitation',
        });
        throw new AppError('invalid_code');
      }
      if (input.phone !== undefined && ctx.channel !== 'ussd') deps.verification.assertTextable(input.phone);
      let profile: ProviderProfileRow | undefined;
      const language = input.languages[0] ?? 'en';
      const user = await deps.users.create(
        {
          name: input.name,
          role: 'provider',
          phone: input.phone,
          email: input.email,
          password: input.password,
          language,
          acceptTerms: input.acceptTerms,
        },
        ctx,
        async (tx, { id, vault, now }) => {
          // Spent in the account's transaction: two people racing with one code make one verified account.
          const invited = codeHash !== null && (await repo.spendInvitation(codeHash, now, tx));
          if (codeHash !== null && !invited) throw new AppError('invalid_code');
          const status = invited ? ('verified' as const) : ('pending' as const);
          profile = {
            user_id: id,
            status,
            display_name: input.name.trim(),
            facility: input.facility.trim(),
            district: input.district,
            languages: input.languages,
            services: input.services,
            licence_enc: vault.seal(licenceField(id), input.licenceNumber.trim()),
            time_zone: timeZone,
            slot_minutes: DEFAULT_SLOT_MINUTES,
            review_note: null,
            created_at: now,
            updated_at: now,
            verified_at: invited ? now : null,
            row_mac: profileSeal.seal(id, status),
          };
          await repo.insertProfile(profile, tx);
        },
      );
      if (!profile) throw new Error('provider profile not written');
      const tokens = await deps.sessions.start(user, ctx);
      await audit.record(
        { ...auditContextOf(ctx), actorId: user.id, actorRole: 'provider' },
        {
          action: 'provider.register',
          outcome: 'success',
          subjectId: user.id,
          resource: profile.status === 'verified' ? 'provider:invited' : 'provider:pending',
        },
      );
      if (user.pendingPhone !== undefined) {
        await deps.verification.startPhoneVerification(user.id, {}, ctx).catch((error: unknown) => {
          if (!(error instanceof AppError)) throw error;
        });
      }
      return { ...tokens, user, provider: toProfile(profile) };
    },

    /** Her or his own profile, whatever its status (a pending provider sees why it waits). */
    async me(providerId: string, ctx?: RequestContext): Promise<ProviderProfile> {
      const row = await profileRow(providerId, ctx);
      assertThat(row, 'not_found', 'This account has no provider profile');
      return toProfile(row);
    },

    async updateMe(providerId: string, changes: ProfileEdit, ctx: RequestContext): Promise<ProviderProfile> {
      const row = await profileRow(providerId, ctx);
      assertThat(row, 'not_found', 'This account has no provider profile');
      const update: Parameters<ProviderRepo['updateProfile']>[1] = { updated_at: clock() };
      if (changes.displayName !== undefined) update.display_name = changes.displayName.trim();
      if (changes.facility !== undefined) update.facility = changes.facility.trim();
      if (changes.district !== undefined) update.district = changes.district;
      if (changes.languages !== undefined) update.languages = changes.languages;
      if (changes.services !== undefined) update.services = changes.services;
      await repo.updateProfile(providerId, update);
      await audit.record(auditContextOf(ctx), {
        action: 'provider.profile_update',
        outcome: 'success',
        subjectId: providerId,
        resource: 'provider_profile',
      });
      return toProfile({ ...row, ...update });
    },

    async availability(providerId: string, ctx?: RequestContext): Promise<Availability> {
      const row = await profileRow(providerId, ctx);
      assertThat(row, 'not_found', 'This account has no provider profile');
      const [hours, daysOff] = await Promise.all([repo.hoursOf([providerId]), repo.daysOffOf([providerId])]);
      return {
        timeZone: row.time_zone,
        slotMinutes: row.slot_minutes,
        weekly: hours.map((h) => ({
          weekday: h.weekday,
          opens: h.opens.slice(0, 5),
          closes: h.closes.slice(0, 5),
        })),
        daysOff: daysOff.map((d) => d.day),
      };
    },

    /**
     * Replaces the weekly hours, days off, slot length and time zone. Appointments already made
     * keep their times; the exclusion constraint keeps new ones off them whatever the new length.
     */
    async setAvailability(
      providerId: string,
      input: Availability,
      ctx: RequestContext,
    ): Promise<Availability> {
      const row = await profileRow(providerId, ctx);
      assertThat(row, 'not_found', 'This account has no provider profile');
      checkTimeZone(input.timeZone);
      checkWeekly(input.weekly);
      const daysOff = [...new Set(input.daysOff)].sort();
      await deps.db.transaction().execute(async (tx) => {
        await repo.updateProfile(
          providerId,
          { time_zone: input.timeZone, slot_minutes: input.slotMinutes, updated_at: clock() },
          tx,
        );
        await repo.replaceAvailability(providerId, input.weekly, daysOff, tx);
      });
      await audit.record(auditContextOf(ctx), {
        action: 'provider.availability_update',
        outcome: 'success',
        subjectId: providerId,
        resource: 'provider_hours',
      });
      const weekly = [...input.weekly].sort(
        (a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens),
      );
      return { timeZone: input.timeZone, slotMinutes: input.slotMinutes, weekly, daysOff };
    },

    /** One verified provider's directory entry; anyone else (unknown, unverified, closed) is 404. */
    async entry(providerId: string, ctx?: RequestContext): Promise<DirectoryEntry> {
      const found = await bookable(providerId, ctx);
      assertThat(found, 'not_found', 'No such provider');
      return found.entry;
    },

    /** Verified providers matching the filter (district, language, service), by name. */
    async directory(filter: DirectoryFilter, ctx?: RequestContext): Promise<DirectoryEntry[]> {
      const rows = await repo.listVerified(filter, DIRECTORY_LIMIT);
      const entries: DirectoryEntry[] = [];
      for (const row of rows) {
        if (profileSeal.intact(row)) entries.push(toDirectoryEntry(row));
        else await tampered(ctx, row.user_id);
      }
      return entries;
    },

    /**
     * Verified providers of the filter with their schedules (the district slot search), with
     * every day off from `since` on. Their MACs are checked only for those whose slots are shown
     * (`intact`), not for hundreds of rows whose slots are never reached: a row that fails is
     * left out then, and noted.
     */
    async schedules(filter: DirectoryFilter, since: string): Promise<DistrictSchedule[]> {
      const key = JSON.stringify([filter.district, filter.language, filter.service]);
      const digest = await repo.directoryVersion(filter);
      const known = recentLists.get(key);
      if (known?.digest === digest && known.since <= since) return known.schedules;
      // Something changed: only the schedules whose rows changed are read again (one provider's
      // new hours cost one provider's rows, not the district's), and a list of another filter
      // reuses the schedules this one read.
      const versions = await repo.directoryVersions(filter);
      const reusable = (id: string, version: string) => {
        const before = knownSchedules.get(id);
        return before?.version === version && before.since <= since ? before.schedule : undefined;
      };
      const stale = versions.filter((v) => !reusable(v.user_id, v.version)).map((v) => v.user_id);
      // Days off from a little before today: what is read now serves the coming days too.
      const readSince = [since, addDays(localDate(clock(), DEFAULT_TIME_ZONE), -2)].sort()[0] ?? since;
      const fresh = scheduleOfRows(await repo.listedSchedules(filter, stale, readSince));
      const schedules: DistrictSchedule[] = [];
      for (const { user_id: id, version } of versions) {
        // Absent when gone between the two reads: the next request sees its change.
        const schedule = fresh.get(id) ?? reusable(id, version);
        if (schedule) schedules.push(schedule);
      }
      if (knownSchedules.size + fresh.size > REMEMBERED_SCHEDULES) knownSchedules.clear();
      for (const { user_id: id, version } of versions) {
        const schedule = fresh.get(id);
        if (schedule) knownSchedules.set(id, { version, since: readSince, schedule });
      }
      if (recentLists.size >= REMEMBERED_LISTS) recentLists.clear();
      recentLists.set(key, { digest, since: readSince, schedules });
      return schedules;
    },

    /** One provider's schedule for a date range. */
    async scheduleOf(row: ProviderProfileRow, from?: string, to?: string): Promise<Schedule> {
      const [weekly, daysOff] = await Promise.all([
        repo.hoursOf([row.user_id]),
        repo.daysOffOf([row.user_id], from, to),
      ]);
      return {
        timeZone: row.time_zone,
        slotMinutes: row.slot_minutes,
        weekly,
        daysOff: new Set(daysOff.map((d) => d.day)),
      };
    },
  };
}
export type ProviderServiceApi = ReturnType<typeof createProviderService>;

/** Ranges on one weekday may not overlap (each would offer the same times twice). */
function checkWeekly(weekly: Availability['weekly']): void {
  const sorted = [...weekly].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
  for (let i = 0; i < sorted.length; i++) {
    const range = sorted[i];
    if (!range) continue;
    assertThat(
      minuteOfDay(range.opens) < minuteOfDay(range.closes),
      'validation_failed',
      `Opening hours must close after they open (weekday ${range.weekday}, ${range.opens}–${range.closes})`,
    );
    const next = sorted[i + 1];
    if (next && next.weekday === range.weekday) {
      assertThat(
        minuteOfDay(next.opens) >= minuteOfDay(range.closes),
        'validation_failed',
        `Opening hours overlap on weekday ${range.weekday}`,
      );
    }
  }
}
