-- The schema of 小通付 as its last release created it (gorm AutoMigrate of store.All).
-- Every statement is IF NOT EXISTS, so a database that release made is taken over as is.

-- +goose Up
CREATE TABLE IF NOT EXISTS `merchants` (
  `id` integer PRIMARY KEY AUTOINCREMENT,
  `merchant_no` text NOT NULL,
  `name` text NOT NULL,
  `phone` text NOT NULL,
  `cus_id` text,
  `app_id` text,
  `pay_limit` integer,
  `created_at` datetime
);
CREATE UNIQUE INDEX IF NOT EXISTS `idx_merchants_merchant_no` ON `merchants`(`merchant_no`);
CREATE TABLE IF NOT EXISTS `stores` (
  `id` integer PRIMARY KEY AUTOINCREMENT,
  `merchant_id` integer NOT NULL,
  `name` text NOT NULL,
  `address` text,
  `created_at` datetime
);
CREATE INDEX IF NOT EXISTS `idx_stores_merchant_id` ON `stores`(`merchant_id`);
CREATE TABLE IF NOT EXISTS `terminals` (
  `id` integer PRIMARY KEY AUTOINCREMENT,
  `merchant_id` integer NOT NULL,
  `store_id` integer NOT NULL,
  `term_no` text NOT NULL,
  `name` text,
  `token_hash` text NOT NULL,
  `revoked_at` datetime,
  `created_at` datetime,
  `last_seen_at` datetime,
  `admin_failures` integer,
  `admin_locked_until` datetime
);
CREATE UNIQUE INDEX IF NOT EXISTS `idx_terminals_token_hash` ON `terminals`(`token_hash`);
CREATE INDEX IF NOT EXISTS `idx_terminals_store_id` ON `terminals`(`store_id`);
CREATE INDEX IF NOT EXISTS `idx_terminals_merchant_id` ON `terminals`(`merchant_id`);
CREATE TABLE IF NOT EXISTS `cashiers` (
  `id` integer PRIMARY KEY AUTOINCREMENT,
  `merchant_id` integer NOT NULL,
  `account` text NOT NULL,
  `name` text,
  `phone` text,
  `remark` text,
  `role` text NOT NULL,
  `password_hash` text NOT NULL,
  `password_changed` numeric,
  `failed_logins` integer,
  `locked_until` datetime,
  `bound_terminal_id` integer,
  `created_at` datetime,
  `updated_at` datetime
);
CREATE INDEX IF NOT EXISTS `idx_cashiers_bound_terminal_id` ON `cashiers`(`bound_terminal_id`);
CREATE UNIQUE INDEX IF NOT EXISTS `idx_cashier_account` ON `cashiers`(`merchant_id`,`account`);
CREATE TABLE IF NOT EXISTS `sessions` (
  `id` integer PRIMARY KEY AUTOINCREMENT,
  `token_hash` text NOT NULL,
  `cashier_id` integer NOT NULL,
  `terminal_id` integer NOT NULL,
  `expires_at` datetime,
  `created_at` datetime
);
CREATE INDEX IF NOT EXISTS `idx_sessions_terminal_id` ON `sessions`(`terminal_id`);
CREATE INDEX IF NOT EXISTS `idx_sessions_cashier_id` ON `sessions`(`cashier_id`);
CREATE UNIQUE INDEX IF NOT EXISTS `idx_sessions_token_hash` ON `sessions`(`token_hash`);
CREATE TABLE IF NOT EXISTS `sms_codes` (
  `id` integer PRIMARY KEY AUTOINCREMENT,
  `merchant_id` integer NOT NULL,
  `purpose` text NOT NULL,
  `terminal_id` integer,
  `phone` text NOT NULL,
  `code_hash` text NOT NULL,
  `attempts` integer,
  `expires_at` datetime,
  `used_at` datetime,
  `created_at` datetime
);
CREATE INDEX IF NOT EXISTS `idx_sms_codes_merchant_id` ON `sms_codes`(`merchant_id`);
CREATE TABLE IF NOT EXISTS `grants` (
  `id` integer PRIMARY KEY AUTOINCREMENT,
  `token_hash` text NOT NULL,
  `merchant_id` integer NOT NULL,
  `purpose` text NOT NULL,
  `terminal_id` integer,
  `expires_at` datetime,
  `used_at` datetime
);
CREATE UNIQUE INDEX IF NOT EXISTS `idx_grants_token_hash` ON `grants`(`token_hash`);
CREATE TABLE IF NOT EXISTS `captchas` (
  `id` text,
  `answer_hash` text NOT NULL,
  `cashier_id` integer,
  `expires_at` datetime,
  `used_at` datetime,
  PRIMARY KEY (`id`)
);
CREATE TABLE IF NOT EXISTS `notices` (
  `id` integer PRIMARY KEY AUTOINCREMENT,
  `merchant_id` integer,
  `title` text NOT NULL,
  `body` text NOT NULL,
  `published_at` datetime
);
CREATE INDEX IF NOT EXISTS `idx_notices_published_at` ON `notices`(`published_at`);
CREATE INDEX IF NOT EXISTS `idx_notices_merchant_id` ON `notices`(`merchant_id`);
CREATE TABLE IF NOT EXISTS `notice_reads` (
  `notice_id` integer,
  `cashier_id` integer,
  `read_at` datetime,
  PRIMARY KEY (`notice_id`,`cashier_id`)
);
CREATE TABLE IF NOT EXISTS `audits` (
  `id` integer PRIMARY KEY AUTOINCREMENT,
  `at` datetime,
  `merchant_id` integer,
  `terminal_id` integer,
  `cashier_id` integer,
  `actor` text,
  `action` text NOT NULL,
  `detail` text,
  `ok` numeric
);
CREATE INDEX IF NOT EXISTS `idx_audits_merchant_id` ON `audits`(`merchant_id`);
CREATE INDEX IF NOT EXISTS `idx_audits_at` ON `audits`(`at`);
CREATE TABLE IF NOT EXISTS `trades` (
  `id` integer PRIMARY KEY AUTOINCREMENT,
  `merchant_id` integer NOT NULL,
  `req_sn` text NOT NULL,
  `store_id` integer NOT NULL,
  `terminal_id` integer NOT NULL,
  `cashier_id` integer NOT NULL,
  `cashier_account` text,
  `kind` text NOT NULL,
  `status` text NOT NULL,
  `amount` integer NOT NULL,
  `refunded_amount` integer,
  `orig_trade_id` integer,
  `channel` text,
  `source` text,
  `code_hash` text,
  `code_last4` text,
  `trx_id` text,
  `chnl_trx_id` text,
  `trx_code` text,
  `trx_status` text,
  `err_msg` text,
  `ret_code` text,
  `fin_time` text,
  `trx_amt` integer,
  `init_amt` integer,
  `fee` integer,
  `remark` text,
  `queries` integer,
  `next_check_at` datetime,
  `in_flight_terminal` integer,
  `code_lock` text,
  `created_at` datetime,
  `updated_at` datetime
);
CREATE UNIQUE INDEX IF NOT EXISTS `idx_trades_code_lock` ON `trades`(`code_lock`);
CREATE UNIQUE INDEX IF NOT EXISTS `idx_trades_in_flight_terminal` ON `trades`(`in_flight_terminal`);
CREATE INDEX IF NOT EXISTS `idx_trades_next_check_at` ON `trades`(`next_check_at`);
CREATE INDEX IF NOT EXISTS `idx_trades_trx_id` ON `trades`(`trx_id`);
CREATE INDEX IF NOT EXISTS `idx_trades_code_hash` ON `trades`(`code_hash`);
CREATE INDEX IF NOT EXISTS `idx_trades_orig_trade_id` ON `trades`(`orig_trade_id`);
CREATE INDEX IF NOT EXISTS `idx_trades_status` ON `trades`(`status`);
CREATE INDEX IF NOT EXISTS `idx_trades_cashier_id` ON `trades`(`cashier_id`);
CREATE INDEX IF NOT EXISTS `idx_trades_terminal_id` ON `trades`(`terminal_id`);
CREATE INDEX IF NOT EXISTS `idx_trades_store_id` ON `trades`(`store_id`);
CREATE INDEX IF NOT EXISTS `idx_trade_day` ON `trades`(`merchant_id`,`created_at`);
CREATE UNIQUE INDEX IF NOT EXISTS `idx_trade_reqsn` ON `trades`(`merchant_id`,`req_sn`);

-- +goose Down
DROP TABLE IF EXISTS `trades`;
DROP TABLE IF EXISTS `audits`;
DROP TABLE IF EXISTS `notice_reads`;
DROP TABLE IF EXISTS `notices`;
DROP TABLE IF EXISTS `captchas`;
DROP TABLE IF EXISTS `grants`;
DROP TABLE IF EXISTS `sms_codes`;
DROP TABLE IF EXISTS `sessions`;
DROP TABLE IF EXISTS `cashiers`;
DROP TABLE IF EXISTS `terminals`;
DROP TABLE IF EXISTS `stores`;
DROP TABLE IF EXISTS `merchants`;
