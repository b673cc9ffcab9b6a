-- The inference worker (DESIGN.md § 6 "Worker"): every bar received, the signals (the latest per model and pair, and
-- every one ever delivered), the live scores, the engines' checkpoints, fills, heartbeats and the durable copy of the
-- operator flags. Every write is idempotent: a relay that delivers an outbox entry twice changes nothing.
CREATE TABLE core.bars (
    symbol            text NOT NULL,
    timeframe_seconds integer NOT NULL CHECK (timeframe_seconds > 0),
    time              timestamptz NOT NULL,
    open              double precision NOT NULL CHECK (open > 0),
    high              double precision NOT NULL CHECK (high > 0),
    low               double precision NOT NULL CHECK (low > 0 AND low <= high),
    close             double precision NOT NULL CHECK (close > 0),
    volume            double precision NOT NULL CHECK (volume >= 0),
    received_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (symbol, timeframe_seconds, time)
);

CREATE TABLE core.signals_history (
    id            text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{32}$'),
    model_id      text NOT NULL,
    pair_id       text NOT NULL,
    action        text NOT NULL CHECK (action IN ('entry', 'exit')),
    reason        text NOT NULL,
    bar_time      timestamptz NOT NULL,
    model_version text NOT NULL,
    signal        jsonb NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX signals_history_pair ON core.signals_history (model_id, pair_id, bar_time);

-- The latest signal of each model and pair (an older one never replaces a newer).
CREATE TABLE core.signals_live (
    model_id      text NOT NULL,
    pair_id       text NOT NULL,
    id            text NOT NULL,
    action        text NOT NULL CHECK (action IN ('entry', 'exit')),
    bar_time      timestamptz NOT NULL,
    model_version text NOT NULL,
    signal        jsonb NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (model_id, pair_id)
);

-- What each model saw and said at each bar it scored: drift and degradation monitoring read it.
CREATE TABLE core.live_scores (
    model_id      text NOT NULL,
    pair_id       text NOT NULL,
    bar_time      timestamptz NOT NULL,
    model_version text NOT NULL,
    inputs        double precision[] NOT NULL,
    return_prob   double precision NOT NULL CHECK (return_prob BETWEEN 0 AND 1),
    risk_score    double precision NOT NULL CHECK (risk_score BETWEEN 0 AND 1),
    entered       boolean NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (model_id, pair_id, bar_time, model_version)
);

-- The latest checkpoint of each engine: a new owner of the pair restores from it.
CREATE TABLE core.pair_checkpoints (
    model_id      text NOT NULL,
    pair_id       text NOT NULL,
    model_version text NOT NULL,
    watermark     timestamptz NOT NULL,
    checkpoint    jsonb NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (model_id, pair_id)
);

-- Fills reported by the execution side (the EA's result.json, seed 002), one row per fill id.
CREATE TABLE core.live_trades (
    fill_id     text PRIMARY KEY,
    signal_id   text NULL,
    symbol      text NOT NULL,
    side        text NOT NULL CHECK (side IN ('buy', 'sell')),
    quantity    double precision NOT NULL CHECK (quantity > 0),
    price       double precision NOT NULL CHECK (price > 0),
    filled_at   timestamptz NOT NULL,
    commission  double precision NOT NULL DEFAULT 0,
    received_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX live_trades_signal ON core.live_trades (signal_id);

CREATE TABLE core.heartbeats (
    host    text NOT NULL,
    service text NOT NULL,
    seen_at timestamptz NOT NULL,
    details jsonb NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (host, service)
);

-- The durable copy of the operator flags (Redis core:ops:flags is the fast one; reloaded from here if lost).
-- model_id / pair_id '*' means every model / pair.
CREATE TABLE core.ops_flags (
    model_id       text NOT NULL,
    pair_id        text NOT NULL,
    soft_halt      boolean NOT NULL DEFAULT false,
    hard_halt      boolean NOT NULL DEFAULT false,
    flatten        boolean NOT NULL DEFAULT false,
    leverage_scale double precision NOT NULL DEFAULT 1 CHECK (leverage_scale > 0 AND leverage_scale <= 1),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    updated_by     text NOT NULL,
    PRIMARY KEY (model_id, pair_id)
);
