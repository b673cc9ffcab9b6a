-- Monitoring (DESIGN.md § 6): each degradation verdict evaluated for a served model (alpha monitor --record, the
-- retraining service's degradation trigger), kept for the API's analytics and the run history.
CREATE TABLE core.monitoring_verdicts (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_id            text NOT NULL,
    version             text NOT NULL,
    window_start        timestamptz NOT NULL,
    evaluated_at        timestamptz NOT NULL,
    level               text NOT NULL CHECK (level IN ('insufficient', 'ok', 'warn', 'alert')),
    retrain_recommended boolean NOT NULL,
    verdict             jsonb NOT NULL
);

CREATE INDEX monitoring_verdicts_latest ON core.monitoring_verdicts (model_id, id DESC);
