-- Retraining runs (DESIGN.md § 6, seed 003): one row per (schedule, scheduled time) including its retries — the
-- primary key is what makes a run happen once, whichever host starts it.
CREATE TABLE audit.retrain_runs (
    schedule_id   text NOT NULL,
    scheduled_for timestamptz NOT NULL,
    trigger       text NOT NULL CHECK (trigger IN ('scheduled', 'degradation', 'manual')),
    status        text NOT NULL CHECK (status IN ('running', 'retrying', 'success', 'failed', 'aborted', 'blocked')),
    attempts      integer NOT NULL CHECK (attempts >= 1),
    host          text NOT NULL,
    started_at    timestamptz NOT NULL,
    heartbeat_at  timestamptz NOT NULL,
    finished_at   timestamptz NULL,
    version       text NULL,
    error         text NULL,
    PRIMARY KEY (schedule_id, scheduled_for)
);
