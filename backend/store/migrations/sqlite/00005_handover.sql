-- Issue 12: 交接班 (shift handover). A handover row is only inserted; a trade is claimed by
-- the first handover of its cashier and terminal after it is final (trades.handover_id).

-- +goose Up
CREATE TABLE `handovers` (
  `id` integer PRIMARY KEY AUTOINCREMENT,
  `merchant_id` integer NOT NULL,
  `no` text NOT NULL,
  `store_id` integer NOT NULL,
  `terminal_id` integer NOT NULL,
  `cashier_id` integer NOT NULL,
  `seq` integer NOT NULL,
  `cashier_account` text NOT NULL,
  `term_no` text NOT NULL,
  `from_time` datetime NOT NULL,
  `to_time` datetime NOT NULL,
  `sums` text NOT NULL,
  `created_at` datetime
);
CREATE UNIQUE INDEX `idx_handover_no` ON `handovers`(`merchant_id`,`no`);
CREATE UNIQUE INDEX `idx_handover_seq` ON `handovers`(`terminal_id`,`cashier_id`,`seq`);
CREATE INDEX `idx_handovers_store_id` ON `handovers`(`store_id`);
CREATE INDEX `idx_handovers_to_time` ON `handovers`(`to_time`);
ALTER TABLE `trades` ADD COLUMN `handover_id` integer;
CREATE INDEX `idx_trades_handover_id` ON `trades`(`handover_id`);

-- +goose Down
DROP INDEX `idx_trades_handover_id`;
ALTER TABLE `trades` DROP COLUMN `handover_id`;
DROP TABLE `handovers`;
