-- The model registry (DESIGN.md § 6): one pointer row per model id (the scope), its append-only hash-chained events,
-- and the catalogue row of every registered version (seed 003's core.model_registry columns, plus model_id).
CREATE TABLE core.model_scopes (
    model_id         text PRIMARY KEY,
    head_sequence    bigint NOT NULL CHECK (head_sequence >= 0),
    head_hash        text NOT NULL CHECK (head_hash ~ '^[0-9a-f]{64}$'),
    deployed_version text NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE core.model_events (
    model_id         text NOT NULL REFERENCES core.model_scopes (model_id),
    sequence         bigint NOT NULL CHECK (sequence >= 1),
    model_version    text NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('transition', 'loaded', 'refused')),
    from_status      text NULL,
    to_status        text NULL,
    actor            text NOT NULL,
    role             text NOT NULL,
    reason           text NULL,
    at               timestamptz NOT NULL,
    checksums_digest text NOT NULL,
    previous_hash    text NOT NULL,
    hash             text NOT NULL,
    PRIMARY KEY (model_id, sequence)
);

CREATE INDEX model_events_version ON core.model_events (model_id, model_version);

-- Events are never updated or deleted: the log is the registry's audit trail.
CREATE FUNCTION core.model_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'core.model_events is append-only (% refused)', TG_OP;
END
$$;

CREATE TRIGGER model_events_append_only BEFORE UPDATE OR DELETE ON core.model_events
    FOR EACH ROW EXECUTE FUNCTION core.model_events_append_only();

CREATE TABLE core.model_registry (
    model_id            text NOT NULL REFERENCES core.model_scopes (model_id),
    model_version       text NOT NULL,
    status              text NOT NULL CHECK (status IN ('draft', 'candidate', 'approved', 'rejected', 'deployed', 'retired', 'rolled_back', 'archived')),
    created_at          timestamptz NOT NULL,
    created_by          text NOT NULL,
    dataset_index_path  text NOT NULL,
    feature_schema_path text NOT NULL,
    model_ai1_path      text NOT NULL,
    model_ai2_path      text NOT NULL,
    params_yaml_path    text NOT NULL,
    metrics_json        jsonb NOT NULL,
    theta1              double precision NULL,
    theta2              double precision NULL,
    code_hash           text NOT NULL,
    data_hash           text NOT NULL,
    seed                bigint NULL,
    notes               text NOT NULL,
    PRIMARY KEY (model_id, model_version)
);
