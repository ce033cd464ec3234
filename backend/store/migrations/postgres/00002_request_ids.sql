-- A pay, void or refund sent again with the desktop's request id finds its first trade.

-- +goose Up
ALTER TABLE "trades" ADD COLUMN "client_key" varchar(64);
CREATE UNIQUE INDEX "idx_trades_client_key" ON "trades" ("client_key");

-- +goose Down
DROP INDEX "idx_trades_client_key";
ALTER TABLE "trades" DROP COLUMN "client_key";
