import type { TestDatabase } from '../support/databases.ts';

/*
 * A fingerprint of everything a person's request can store: accounts (and their secrets, role,
 * status, sign-in and pending phone numbers), keys, sessions (how many, how many ended), consents,
 * guardian codes, texted codes (how many, how many spent), periods, day logs, USSD sessions, and the
 * care network (links, link codes, appointments, provider profiles and hours). Counts alone would miss an update, so the rows that hold data are hashed too
 * (an order-free sum of row hashes: cheap enough to take around every request). The audit trail and
 * the throttle counters are left out on purpose: a refused request is allowed (and meant) to
 * leave a trace there.
 */
const digest = (table: string, columns: string) =>
  `(SELECT count(*) || ':' || coalesce(sum(hashtextextended(${columns}, 0)), 0) FROM ${table})`;

const FINGERPRINT_SQL = `SELECT
  ${digest('users', "id::text || role || status || encode(name_enc, 'hex') || coalesce(password_hash, '') || coalesce(pin_hash, '') || language || coalesce(encode(phone_bidx, 'hex'), '-') || coalesce(encode(phone_pending_bidx, 'hex'), '-')")} AS users,
  ${digest('user_keys', "user_id::text || encode(wrapped_key, 'hex')")} AS user_keys,
  (SELECT count(*) || ':' || count(revoked_at) FROM sessions) AS sessions,
  (SELECT count(*)::int FROM refresh_tokens) AS refresh_tokens,
  (SELECT count(*)::int FROM consent_records) AS consent_records,
  (SELECT count(*)::int FROM guardian_codes) AS guardian_codes,
  (SELECT count(*) || ':' || count(used_at) FROM verification_codes) AS verification_codes,
  ${digest('periods', "id::text || encode(data_enc, 'hex')")} AS periods,
  ${digest('day_logs', "id::text || encode(data_enc, 'hex')")} AS day_logs,
  ${digest('ussd_sessions', "encode(id_hash, 'hex') || encode(state_enc, 'hex')")} AS ussd_sessions,
  ${digest('care_links', "id::text || status || coalesce(awaiting_id::text, '-') || array_to_string(scopes, ',') || encode(row_mac, 'hex')")} AS care_links,
  (SELECT count(*) || ':' || count(used_at) FROM care_link_codes) AS care_link_codes,
  ${digest('appointments', "id::text || status || starts_at::text || coalesce(encode(visit_note_enc, 'hex'), '-') || coalesce(encode(cancel_reason_enc, 'hex'), '-') || coalesce(encode(decline_reason_enc, 'hex'), '-') || encode(row_mac, 'hex')")} AS appointments,
  ${digest('provider_profiles', "user_id::text || status || display_name || facility || time_zone || slot_minutes::text || encode(row_mac, 'hex')")} AS provider_profiles,
  (SELECT count(*)::int FROM provider_hours) AS provider_hours,
  (SELECT count(*)::int FROM provider_days_off) AS provider_days_off`;

export type Fingerprint = Record<string, string | number>;

export async function fingerprint(db: TestDatabase): Promise<Fingerprint> {
  const [row] = await db.raw<Fingerprint>(FINGERPRINT_SQL);
  if (!row) throw new Error('fingerprint query returned nothing');
  // PostgreSQL and PGlite differ in how they hand back integers; compare as text.
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)]));
}

/** The tables whose fingerprint differs, for a readable failure. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys(before).filter((k) => before[k] !== after[k]);
}
