-- Configuration governance (DESIGN.md § 6, seed 003): changes of the policy files and where they stand, and the
-- append-only audit trail of every configuration operation with the files' hashes before and after.
CREATE TABLE core.config_proposals (
    id          uuid PRIMARY KEY,
    status      text NOT NULL CHECK (status IN ('proposed', 'approved', 'applied', 'rolled_back')),
    proposed_at timestamptz NOT NULL,
    body        jsonb NOT NULL
);

CREATE INDEX config_proposals_status ON core.config_proposals (status, id DESC);

CREATE TABLE audit.config_changes (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    change_id      uuid NULL,
    actor          text NOT NULL,
    role           text NOT NULL CHECK (role IN ('viewer', 'editor', 'approver', 'admin')),
    action         text NOT NULL,
    target         text NOT NULL,
    reason         text NULL,
    payload_sha256 text NOT NULL CHECK (payload_sha256 ~ '^[0-9a-f]{64}$'),
    before_sha256  text NULL CHECK (before_sha256 ~ '^[0-9a-f]{64}$'),
    after_sha256   text NULL CHECK (after_sha256 ~ '^[0-9a-f]{64}$'),
    outcome        text NOT NULL CHECK (outcome IN ('applied', 'pending', 'refused', 'denied', 'failed')),
    detail         text NOT NULL
);

CREATE INDEX config_changes_change ON audit.config_changes (change_id, id);

CREATE TRIGGER config_changes_append_only BEFORE UPDATE OR DELETE ON audit.config_changes
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
