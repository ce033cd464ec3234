-- Issue 10: a PC initialised again for the same merchant keeps its terminal; the platform
-- knows it by the hash of the machine id in its data folder.

-- +goose Up
ALTER TABLE `terminals` ADD COLUMN `machine_hash` text;
CREATE UNIQUE INDEX `idx_terminal_machine` ON `terminals`(`merchant_id`,`machine_hash`);

-- +goose Down
DROP INDEX `idx_terminal_machine`;
ALTER TABLE `terminals` DROP COLUMN `machine_hash`;
