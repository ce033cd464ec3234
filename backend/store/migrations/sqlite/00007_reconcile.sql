-- Issue 12: 对账 (reconciliation) against the acquirer's daily statement: one run per
-- merchant and day, and every difference it found.

-- +goose Up
CREATE TABLE `reconcile_runs` (
  `id` integer PRIMARY KEY AUTOINCREMENT,
  `merchant_id` integer NOT NULL,
  `day` text NOT NULL,
  `status` text NOT NULL,
  `error_code` text,
  `error` text,
  `bank_rows` integer NOT NULL,
  `local_rows` integer NOT NULL,
  `matched` integer NOT NULL,
  `started_at` datetime NOT NULL,
  `finished_at` datetime
);
CREATE UNIQUE INDEX `idx_reconcile_day` ON `reconcile_runs`(`merchant_id`,`day`);
CREATE TABLE `reconcile_diffs` (
  `id` integer PRIMARY KEY AUTOINCREMENT,
  `run_id` integer NOT NULL,
  `merchant_id` integer NOT NULL,
  `kind` text NOT NULL,
  `req_sn` text,
  `trx_id` text,
  `trade_id` integer,
  `trade_kind` text,
  `bank_amount` integer,
  `local_amount` integer,
  `bank_status` text,
  `local_status` text,
  `trx_code` text,
  `bank_time` text,
  `resolved` numeric NOT NULL,
  `note` text,
  `created_at` datetime
);
CREATE INDEX `idx_reconcile_diffs_run_id` ON `reconcile_diffs`(`run_id`);
CREATE INDEX `idx_reconcile_diffs_trade_id` ON `reconcile_diffs`(`trade_id`);
CREATE INDEX `idx_reconcile_open` ON `reconcile_diffs`(`merchant_id`,`resolved`);

-- +goose Down
DROP TABLE `reconcile_diffs`;
DROP TABLE `reconcile_runs`;
