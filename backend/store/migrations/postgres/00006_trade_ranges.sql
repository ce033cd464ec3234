-- Issue 12 §4: 交易查询 over a period. An admin's query is one store's trades by time, a
-- cashier's their own by time: both read an index that starts with the scope and orders by
-- created_at.

-- +goose Up
CREATE INDEX "idx_trade_store_day" ON "trades"("store_id","created_at");
CREATE INDEX "idx_trade_cashier_day" ON "trades"("cashier_id","created_at");

-- +goose Down
DROP INDEX "idx_trade_cashier_day";
DROP INDEX "idx_trade_store_day";
