-- Decision 013. Her health timeline must not be readable in clear: the row timestamps of periods
-- and day logs equalled her period dates whenever she logged "today" (the usual case), so a
-- database reader learned when each period started without opening a single sealed document.
-- Nothing reads them (order and dates come from the sealed documents), so they go. DROP COLUMN
-- hides them from every query at once; the old values stay in the table files until the rows are
-- rewritten, which an operator can force with `VACUUM FULL periods, day_logs` (it cannot run
-- inside this migration's transaction).
ALTER TABLE periods DROP COLUMN created_at, DROP COLUMN updated_at;
ALTER TABLE day_logs DROP COLUMN created_at, DROP COLUMN updated_at;

-- A USSD session belongs to the number that opened it: the gateway's session id alone no longer
-- finds a row, the caller's number (phone_bidx) is part of the key. A hop with a known session id
-- from another number is a new session of that number and never sees or changes hers. The
-- end-of-session notification carries only the session id, so id_hash keeps its own index
-- through the key's first column.
ALTER TABLE ussd_sessions DROP CONSTRAINT ussd_sessions_pkey;
ALTER TABLE ussd_sessions ADD PRIMARY KEY (id_hash, phone_bidx);
