-- The care network (issue 13, docs/care-network.md): links between a young woman and the adults
-- she lets see parts of her data, health providers, their opening hours, and appointments.
--
-- The rows that decide who may read whose data (a link and its scopes, a provider's verification,
-- an appointment between a provider and her) carry a server-keyed MAC (row_mac), as users do
-- (account_mac): someone who can write the database but holds no key cannot give himself sight
-- of her data by inserting or editing a row. Health words (reasons, visit notes) are sealed
-- under her data key, so erasing her makes them unreadable in every backup.

-- A trusted extension: the schema owner may create it. It lets one exclusion constraint say
-- "no two live appointments of one provider overlap", whatever their lengths.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- One-time codes either side creates and reads aloud to the other: only a keyed hash is kept;
-- single use, 24 hours.
CREATE TABLE care_link_codes (
  id          uuid PRIMARY KEY,
  code_hash   bytea NOT NULL UNIQUE,
  creator_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX care_link_codes_creator ON care_link_codes (creator_id);
CREATE INDEX care_link_codes_expires_at ON care_link_codes (expires_at);

-- A young woman (child_id) and an adult (adult_id). 'pending' until the code's creator has
-- confirmed who entered it; a revoked link is deleted (its history is in consent_records and
-- the audit trail). Her notes are never a scope.
CREATE TABLE care_links (
  id            uuid PRIMARY KEY,
  child_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  adult_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  status        text NOT NULL CHECK (status IN ('pending', 'active')),
  awaiting_id   uuid REFERENCES users (id) ON DELETE CASCADE,
  origin        text NOT NULL CHECK (origin IN ('code', 'guardian_consent')),
  scopes        text[] NOT NULL
                CHECK (scopes <@ ARRAY['prediction', 'periods', 'symptoms', 'flags', 'appointments']::text[]),
  created_at    timestamptz NOT NULL,
  confirmed_at  timestamptz,
  updated_at    timestamptz NOT NULL,
  row_mac       bytea NOT NULL,
  CONSTRAINT care_links_pair UNIQUE (child_id, adult_id),
  CONSTRAINT care_links_two_people CHECK (child_id <> adult_id)
);
CREATE INDEX care_links_adult ON care_links (adult_id);

-- Each change of what she shares with an adult is a consent record of hers (purpose
-- 'care_sharing'); which link, which adult and which scopes it was about is sealed under her key.
ALTER TABLE consent_records ADD COLUMN detail_enc bytea;

-- A health provider's public directory entry and opening hours. The licence number is sealed
-- under the provider's key (admins read it to verify). Only 'verified' providers are listed.
CREATE TABLE provider_profiles (
  user_id       uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  status        text NOT NULL CHECK (status IN ('pending', 'verified', 'rejected', 'suspended')),
  display_name  text NOT NULL,
  facility      text NOT NULL,
  district      text NOT NULL,
  languages     text[] NOT NULL,
  services      text[] NOT NULL,
  licence_enc   bytea NOT NULL,
  time_zone     text NOT NULL,
  slot_minutes  integer NOT NULL CHECK (slot_minutes BETWEEN 15 AND 60),
  review_note   text,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  verified_at   timestamptz,
  row_mac       bytea NOT NULL
);
CREATE INDEX provider_profiles_directory ON provider_profiles (district) WHERE status = 'verified';

-- Weekly opening hours in the provider's time zone (ISO weekday 1 = Monday); several ranges a day.
CREATE TABLE provider_hours (
  provider_id  uuid NOT NULL REFERENCES provider_profiles (user_id) ON DELETE CASCADE,
  weekday      smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens        time NOT NULL,
  closes       time NOT NULL,
  CHECK (opens < closes),
  PRIMARY KEY (provider_id, weekday, opens)
);

-- Days the provider does not see anyone (holidays, training), in the provider's time zone.
CREATE TABLE provider_days_off (
  provider_id  uuid NOT NULL REFERENCES provider_profiles (user_id) ON DELETE CASCADE,
  day          date NOT NULL,
  PRIMARY KEY (provider_id, day)
);

-- An admin's one-time invitation: whoever registers with it is a verified provider at once.
CREATE TABLE provider_invitations (
  id          uuid PRIMARY KEY,
  code_hash   bytea NOT NULL UNIQUE,
  created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX provider_invitations_expires_at ON provider_invitations (expires_at);

-- Appointments. Slots are never stored: they are computed from hours, days off and these rows.
-- No double booking, ever: two live appointments of one provider may not overlap in time,
-- whatever their lengths, and the database refuses it however the rows arrive.
CREATE TABLE appointments (
  id                   uuid PRIMARY KEY,
  provider_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  patient_id           uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  booked_by            text NOT NULL CHECK (booked_by IN ('patient', 'guardian')),
  -- The guardian who booked (null when she did, or once his account is gone). Not under row_mac:
  -- the power it gives (cancel, reschedule) also needs his care link, which is.
  booked_by_id         uuid REFERENCES users (id) ON DELETE SET NULL,
  starts_at            timestamptz NOT NULL,
  ends_at              timestamptz NOT NULL,
  status               text NOT NULL
                       CHECK (status IN ('requested', 'confirmed', 'declined', 'cancelled', 'completed', 'no_show')),
  reason_enc           bytea NOT NULL,
  share_summary        boolean NOT NULL DEFAULT false,
  decline_reason_enc   bytea,
  cancel_reason_enc    bytea,
  visit_note_enc       bytea,
  cancelled_by         text CHECK (cancelled_by IN ('patient', 'guardian', 'provider')),
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  row_mac              bytea NOT NULL,
  CONSTRAINT appointments_time_order CHECK (ends_at > starts_at),
  CONSTRAINT appointments_no_double_booking EXCLUDE USING gist (
    provider_id WITH =,
    tstzrange(starts_at, ends_at, '[)') WITH &&
  ) WHERE (status IN ('requested', 'confirmed'))
);
CREATE INDEX appointments_patient ON appointments (patient_id, starts_at);
CREATE INDEX appointments_provider ON appointments (provider_id, starts_at);
