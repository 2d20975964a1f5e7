-- Cycle tracking. Each row is one AES-256-GCM sealed JSON document under the owner's data key
-- (dates, flow, symptoms, notes: all of it); only the row id and the owner are in clear.

CREATE TABLE periods (
  id          uuid PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  data_enc    bytea NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);
CREATE INDEX periods_user_id ON periods (user_id);

-- day_bidx: HMAC of the calendar date under a key derived from the owner's data key, so a day's
-- log can be found without storing the date in clear.
CREATE TABLE day_logs (
  id          uuid PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day_bidx    bytea NOT NULL,
  data_enc    bytea NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  CONSTRAINT day_logs_one_per_day UNIQUE (user_id, day_bidx)
);
