-- Operations and the API (DESIGN.md § 6 "Operations and API"): API keys (salted hashes only), the append-only audit
-- log of every operation, and the requests that wait for someone (a resume for its second approver, a retrain for the
-- retraining service).
CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE core.api_keys (
    key_id     text PRIMARY KEY CHECK (key_id ~ '^[0-9a-f]{12}$'),
    name       text NOT NULL CHECK (name ~ '^[A-Za-z0-9._@-]{1,64}$'),
    role       text NOT NULL CHECK (role IN ('viewer', 'editor', 'approver', 'admin')),
    salt       bytea NOT NULL CHECK (length(salt) = 16),
    hash       bytea NOT NULL CHECK (length(hash) = 32),
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    revoked_at timestamptz NULL
);

CREATE TABLE audit.analytics_actions (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    actor          text NOT NULL,
    role           text NOT NULL CHECK (role IN ('viewer', 'editor', 'approver', 'admin')),
    action         text NOT NULL,
    target         text NOT NULL,
    reason         text NULL,
    payload_sha256 text NOT NULL CHECK (payload_sha256 ~ '^[0-9a-f]{64}$'),
    outcome        text NOT NULL CHECK (outcome IN ('applied', 'pending', 'refused', 'denied', 'failed')),
    detail         text NOT NULL
);

CREATE INDEX analytics_actions_action ON audit.analytics_actions (action, id);

-- The audit log is append-only: updates and deletes are refused by the database itself.
CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit.% is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER analytics_actions_append_only BEFORE UPDATE OR DELETE ON audit.analytics_actions
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

CREATE TABLE core.ops_requests (
    id             uuid PRIMARY KEY,
    action         text NOT NULL,
    model_id       text NOT NULL,
    pair_id        text NOT NULL,
    leverage_scale double precision NULL CHECK (leverage_scale > 0 AND leverage_scale <= 1),
    reason         text NOT NULL,
    requested_by   text NOT NULL,
    requested_role text NOT NULL CHECK (requested_role IN ('viewer', 'editor', 'approver', 'admin')),
    requested_at   timestamptz NOT NULL,
    status         text NOT NULL CHECK (status IN ('pending', 'applied', 'expired')),
    resolved_by    text NULL,
    resolved_at    timestamptz NULL
);

CREATE INDEX ops_requests_pending ON core.ops_requests (action, model_id, pair_id) WHERE status = 'pending';

-- The API's signal history pages newest first, by (bar_time, id), over every signal or one model's and pair's.
CREATE INDEX signals_history_newest ON core.signals_history (bar_time DESC, id DESC);
CREATE INDEX signals_history_pair_newest ON core.signals_history (model_id, pair_id, bar_time DESC, id DESC);
