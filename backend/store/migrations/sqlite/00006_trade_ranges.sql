-- Issue 12 §4: 交易查询 over a period. An admin's query is one store's trades by time, a
-- cashier's their own by time: each reads one index that starts with the scope, orders by
-- created_at and carries what the filters and totals read (kind, status, channel, amount),
-- so counting and summing a period never touch the table.

-- +goose Up
CREATE INDEX `idx_trade_store_day` ON `trades`(`store_id`,`created_at`,`kind`,`status`,`channel`,`amount`);
CREATE INDEX `idx_trade_cashier_day` ON `trades`(`cashier_id`,`created_at`,`kind`,`status`,`channel`,`amount`);

-- +goose Down
DROP INDEX `idx_trade_cashier_day`;
DROP INDEX `idx_trade_store_day`;
