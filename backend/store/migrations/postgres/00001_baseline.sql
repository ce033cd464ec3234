-- The schema of 小通付 as its last release created it (gorm AutoMigrate of store.All).
-- Every statement is IF NOT EXISTS, so a database that release made is taken over as is.

-- +goose Up
CREATE TABLE IF NOT EXISTS "merchants" (
  "id" bigserial,
  "merchant_no" varchar(32) NOT NULL,
  "name" varchar(100) NOT NULL,
  "phone" varchar(20) NOT NULL,
  "cus_id" varchar(15),
  "app_id" varchar(8),
  "pay_limit" bigint,
  "created_at" timestamptz,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "idx_merchants_merchant_no" ON "merchants" ("merchant_no");
CREATE TABLE IF NOT EXISTS "stores" (
  "id" bigserial,
  "merchant_id" bigint NOT NULL,
  "name" varchar(100) NOT NULL,
  "address" varchar(200),
  "created_at" timestamptz,
  PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "idx_stores_merchant_id" ON "stores" ("merchant_id");
CREATE TABLE IF NOT EXISTS "terminals" (
  "id" bigserial,
  "merchant_id" bigint NOT NULL,
  "store_id" bigint NOT NULL,
  "term_no" varchar(8) NOT NULL,
  "name" varchar(100),
  "token_hash" varchar(64) NOT NULL,
  "revoked_at" timestamptz,
  "created_at" timestamptz,
  "last_seen_at" timestamptz,
  "admin_failures" bigint,
  "admin_locked_until" timestamptz,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "idx_terminals_token_hash" ON "terminals" ("token_hash");
CREATE INDEX IF NOT EXISTS "idx_terminals_store_id" ON "terminals" ("store_id");
CREATE INDEX IF NOT EXISTS "idx_terminals_merchant_id" ON "terminals" ("merchant_id");
CREATE TABLE IF NOT EXISTS "cashiers" (
  "id" bigserial,
  "merchant_id" bigint NOT NULL,
  "account" varchar(32) NOT NULL,
  "name" varchar(50),
  "phone" varchar(20),
  "remark" varchar(200),
  "role" varchar(16) NOT NULL,
  "password_hash" varchar(100) NOT NULL,
  "password_changed" boolean,
  "failed_logins" bigint,
  "locked_until" timestamptz,
  "bound_terminal_id" bigint,
  "created_at" timestamptz,
  "updated_at" timestamptz,
  PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "idx_cashiers_bound_terminal_id" ON "cashiers" ("bound_terminal_id");
CREATE UNIQUE INDEX IF NOT EXISTS "idx_cashier_account" ON "cashiers" ("merchant_id","account");
CREATE TABLE IF NOT EXISTS "sessions" (
  "id" bigserial,
  "token_hash" varchar(64) NOT NULL,
  "cashier_id" bigint NOT NULL,
  "terminal_id" bigint NOT NULL,
  "expires_at" timestamptz,
  "created_at" timestamptz,
  PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "idx_sessions_terminal_id" ON "sessions" ("terminal_id");
CREATE INDEX IF NOT EXISTS "idx_sessions_cashier_id" ON "sessions" ("cashier_id");
CREATE UNIQUE INDEX IF NOT EXISTS "idx_sessions_token_hash" ON "sessions" ("token_hash");
CREATE TABLE IF NOT EXISTS "sms_codes" (
  "id" bigserial,
  "merchant_id" bigint NOT NULL,
  "purpose" varchar(16) NOT NULL,
  "terminal_id" bigint,
  "phone" varchar(20) NOT NULL,
  "code_hash" varchar(64) NOT NULL,
  "attempts" bigint,
  "expires_at" timestamptz,
  "used_at" timestamptz,
  "created_at" timestamptz,
  PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "idx_sms_codes_merchant_id" ON "sms_codes" ("merchant_id");
CREATE TABLE IF NOT EXISTS "grants" (
  "id" bigserial,
  "token_hash" varchar(64) NOT NULL,
  "merchant_id" bigint NOT NULL,
  "purpose" varchar(16) NOT NULL,
  "terminal_id" bigint,
  "expires_at" timestamptz,
  "used_at" timestamptz,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "idx_grants_token_hash" ON "grants" ("token_hash");
CREATE TABLE IF NOT EXISTS "captchas" (
  "id" varchar(32),
  "answer_hash" varchar(64) NOT NULL,
  "cashier_id" bigint,
  "expires_at" timestamptz,
  "used_at" timestamptz,
  PRIMARY KEY ("id")
);
CREATE TABLE IF NOT EXISTS "notices" (
  "id" bigserial,
  "merchant_id" bigint,
  "title" varchar(100) NOT NULL,
  "body" text NOT NULL,
  "published_at" timestamptz,
  PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "idx_notices_published_at" ON "notices" ("published_at");
CREATE INDEX IF NOT EXISTS "idx_notices_merchant_id" ON "notices" ("merchant_id");
CREATE TABLE IF NOT EXISTS "notice_reads" (
  "notice_id" bigint,
  "cashier_id" bigint,
  "read_at" timestamptz,
  PRIMARY KEY ("notice_id","cashier_id")
);
CREATE TABLE IF NOT EXISTS "audits" (
  "id" bigserial,
  "at" timestamptz,
  "merchant_id" bigint,
  "terminal_id" bigint,
  "cashier_id" bigint,
  "actor" varchar(32),
  "action" varchar(32) NOT NULL,
  "detail" varchar(500),
  "ok" boolean,
  PRIMARY KEY ("id")
);
CREATE INDEX IF NOT EXISTS "idx_audits_merchant_id" ON "audits" ("merchant_id");
CREATE INDEX IF NOT EXISTS "idx_audits_at" ON "audits" ("at");
CREATE TABLE IF NOT EXISTS "trades" (
  "id" bigserial,
  "merchant_id" bigint NOT NULL,
  "req_sn" varchar(32) NOT NULL,
  "store_id" bigint NOT NULL,
  "terminal_id" bigint NOT NULL,
  "cashier_id" bigint NOT NULL,
  "cashier_account" varchar(32),
  "kind" varchar(8) NOT NULL,
  "status" varchar(12) NOT NULL,
  "amount" bigint NOT NULL,
  "refunded_amount" bigint,
  "orig_trade_id" bigint,
  "channel" varchar(12),
  "source" varchar(8),
  "code_hash" varchar(64),
  "code_last4" varchar(4),
  "trx_id" varchar(32),
  "chnl_trx_id" varchar(64),
  "trx_code" varchar(8),
  "trx_status" varchar(4),
  "err_msg" varchar(200),
  "ret_code" varchar(12),
  "fin_time" varchar(14),
  "trx_amt" bigint,
  "init_amt" bigint,
  "fee" bigint,
  "remark" varchar(100),
  "queries" bigint,
  "next_check_at" timestamptz,
  "in_flight_terminal" bigint,
  "code_lock" varchar(64),
  "created_at" timestamptz,
  "updated_at" timestamptz,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX IF NOT EXISTS "idx_trades_code_lock" ON "trades" ("code_lock");
CREATE UNIQUE INDEX IF NOT EXISTS "idx_trades_in_flight_terminal" ON "trades" ("in_flight_terminal");
CREATE INDEX IF NOT EXISTS "idx_trades_next_check_at" ON "trades" ("next_check_at");
CREATE INDEX IF NOT EXISTS "idx_trades_trx_id" ON "trades" ("trx_id");
CREATE INDEX IF NOT EXISTS "idx_trades_code_hash" ON "trades" ("code_hash");
CREATE INDEX IF NOT EXISTS "idx_trades_orig_trade_id" ON "trades" ("orig_trade_id");
CREATE INDEX IF NOT EXISTS "idx_trades_status" ON "trades" ("status");
CREATE INDEX IF NOT EXISTS "idx_trades_cashier_id" ON "trades" ("cashier_id");
CREATE INDEX IF NOT EXISTS "idx_trades_terminal_id" ON "trades" ("terminal_id");
CREATE INDEX IF NOT EXISTS "idx_trades_store_id" ON "trades" ("store_id");
CREATE INDEX IF NOT EXISTS "idx_trade_day" ON "trades" ("merchant_id","created_at");
CREATE UNIQUE INDEX IF NOT EXISTS "idx_trade_reqsn" ON "trades" ("merchant_id","req_sn");

-- +goose Down
DROP TABLE IF EXISTS "trades";
DROP TABLE IF EXISTS "audits";
DROP TABLE IF EXISTS "notice_reads";
DROP TABLE IF EXISTS "notices";
DROP TABLE IF EXISTS "captchas";
DROP TABLE IF EXISTS "grants";
DROP TABLE IF EXISTS "sms_codes";
DROP TABLE IF EXISTS "sessions";
DROP TABLE IF EXISTS "cashiers";
DROP TABLE IF EXISTS "terminals";
DROP TABLE IF EXISTS "stores";
DROP TABLE IF EXISTS "merchants";
