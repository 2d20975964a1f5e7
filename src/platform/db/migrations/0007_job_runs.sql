-- When each scheduled job last finished, so an operator (and `npm run doctor`) can tell a job that
-- stopped running from one that simply had nothing to do. One row per job, overwritten each run.
-- The runtime role reads and writes it through the provisioned default privileges.
CREATE TABLE job_runs (
  job          text PRIMARY KEY,
  last_run_at  timestamptz NOT NULL
);
