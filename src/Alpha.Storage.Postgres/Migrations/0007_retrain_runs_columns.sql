-- Retraining runs get the columns DESIGN.md § 6 and seed 002 name: run_id, ended_at, retry_count, model_version,
-- theta1, theta2, metrics, log_path, error_message — plus the cause (why the run was started). Existing rows keep
-- their values (attempts k becomes retry_count k − 1).
ALTER TABLE audit.retrain_runs RENAME COLUMN finished_at TO ended_at;
ALTER TABLE audit.retrain_runs RENAME COLUMN version TO model_version;
ALTER TABLE audit.retrain_runs RENAME COLUMN error TO error_message;
ALTER TABLE audit.retrain_runs ADD COLUMN run_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE audit.retrain_runs ALTER COLUMN run_id DROP DEFAULT;
ALTER TABLE audit.retrain_runs ADD CONSTRAINT retrain_runs_run_id UNIQUE (run_id);
ALTER TABLE audit.retrain_runs ADD COLUMN cause text NOT NULL DEFAULT '';
ALTER TABLE audit.retrain_runs ALTER COLUMN cause DROP DEFAULT;
ALTER TABLE audit.retrain_runs ADD COLUMN retry_count smallint NOT NULL DEFAULT 0 CHECK (retry_count >= 0);
UPDATE audit.retrain_runs SET retry_count = attempts - 1;
ALTER TABLE audit.retrain_runs ALTER COLUMN retry_count DROP DEFAULT;
ALTER TABLE audit.retrain_runs DROP COLUMN attempts;
ALTER TABLE audit.retrain_runs ADD COLUMN theta1 double precision NULL;
ALTER TABLE audit.retrain_runs ADD COLUMN theta2 double precision NULL;
ALTER TABLE audit.retrain_runs ADD COLUMN metrics jsonb NULL;
ALTER TABLE audit.retrain_runs ADD COLUMN log_path text NULL;
ALTER TABLE audit.retrain_runs ADD CONSTRAINT retrain_runs_outcome CHECK ((model_version IS NULL) = (metrics IS NULL) AND (model_version IS NULL) = (theta1 IS NULL) AND (model_version IS NULL) = (theta2 IS NULL));
