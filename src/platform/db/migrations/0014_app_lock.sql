-- App lock on a shared phone (issue 12, item 3; decision 019). A browser keeps her signed in for
-- the session's life (the refresh cookie), so whoever opens it next would land in her diary. A web
-- session left idle for her chosen number of minutes, or locked on purpose (quick exit), answers
-- 401 session_locked until her PIN or password is entered again.

-- Her choice of idle minutes before the app locks; the same on every device she signs in with.
-- There is no "off": see decision 019.
ALTER TABLE users ADD COLUMN lock_minutes smallint NOT NULL DEFAULT 5
  CONSTRAINT users_lock_minutes_choice CHECK (lock_minutes IN (1, 5, 15, 30, 60));

-- Set when the session was locked (idle time passed, or she left with the quick exit); cleared
-- when she unlocks it. last_seen_at is her last activity in the session, written at most once a
-- minute.
ALTER TABLE sessions ADD COLUMN locked_at timestamptz;
COMMENT ON COLUMN sessions.last_seen_at IS
  'Last activity in this session (a request or refresh), written at most once a minute';
