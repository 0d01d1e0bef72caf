-- The trade store: a projection of the journals (never the source of truth), rebuildable with `qts store rebuild`.
-- Money, prices and quantities are exact decimal strings; times are ISO-8601 UTC.
CREATE TABLE orders (
    run_id          VARCHAR(64)  NOT NULL,
    client_order_id BIGINT       NOT NULL,
    action          VARCHAR(16)  NOT NULL,
    time_utc        VARCHAR(40)  NOT NULL,
    symbol          VARCHAR(32)  NOT NULL,
    side            VARCHAR(8)   NOT NULL,
    order_type      VARCHAR(16)  NOT NULL,
    price           VARCHAR(40)  NOT NULL,
    qty             VARCHAR(40)  NOT NULL,
    PRIMARY KEY (run_id, client_order_id, action)
);

CREATE TABLE fills (
    run_id          VARCHAR(64)  NOT NULL,
    fill_no         INTEGER      NOT NULL,
    client_order_id BIGINT       NOT NULL,
    time_utc        VARCHAR(40)  NOT NULL,
    symbol          VARCHAR(32)  NOT NULL,
    side            VARCHAR(8)   NOT NULL,
    price           VARCHAR(40)  NOT NULL,
    qty             VARCHAR(40)  NOT NULL,
    leaves_qty      VARCHAR(40)  NOT NULL,
    commission      VARCHAR(40)  NOT NULL,
    PRIMARY KEY (run_id, fill_no)
);

CREATE TABLE daily_pnl (
    run_id        VARCHAR(64)  NOT NULL,
    day           VARCHAR(10)  NOT NULL,
    realized_pnl  VARCHAR(40)  NOT NULL,
    commission    VARCHAR(40)  NOT NULL,
    fills         INTEGER      NOT NULL,
    PRIMARY KEY (run_id, day)
);
