-- Issue 12: 对账 (reconciliation) against the acquirer's daily statement: one run per
-- merchant and day, and every difference it found.

-- +goose Up
CREATE TABLE "reconcile_runs" (
  "id" bigserial,
  "merchant_id" bigint NOT NULL,
  "day" varchar(10) NOT NULL,
  "status" varchar(12) NOT NULL,
  "error_code" varchar(32),
  "error" varchar(200),
  "bank_rows" bigint NOT NULL,
  "local_rows" bigint NOT NULL,
  "matched" bigint NOT NULL,
  "started_at" timestamptz NOT NULL,
  "finished_at" timestamptz,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "idx_reconcile_day" ON "reconcile_runs" ("merchant_id","day");
CREATE TABLE "reconcile_diffs" (
  "id" bigserial,
  "run_id" bigint NOT NULL,
  "merchant_id" bigint NOT NULL,
  "kind" varchar(16) NOT NULL,
  "req_sn" varchar(32),
  "trx_id" varchar(32),
  "trade_id" bigint,
  "trade_kind" varchar(8),
  "bank_amount" bigint,
  "local_amount" bigint,
  "bank_status" varchar(12),
  "local_status" varchar(12),
  "trx_code" varchar(32),
  "bank_time" varchar(14),
  "resolved" boolean NOT NULL,
  "note" varchar(32),
  "created_at" timestamptz,
  PRIMARY KEY ("id")
);
CREATE INDEX "idx_reconcile_diffs_run_id" ON "reconcile_diffs" ("run_id");
CREATE INDEX "idx_reconcile_diffs_trade_id" ON "reconcile_diffs" ("trade_id");
CREATE INDEX "idx_reconcile_open" ON "reconcile_diffs" ("merchant_id","resolved");

-- +goose Down
DROP TABLE "reconcile_diffs";
DROP TABLE "reconcile_runs";
