-- Issue 9: an account whose password is still an initial one must change it before anything
-- else; audits record the client address; the rate-limit counters of platform/throttle.go.

-- +goose Up
ALTER TABLE `cashiers` ADD COLUMN `must_change_password` numeric;
UPDATE `cashiers` SET `must_change_password` = 1 WHERE `password_changed` IS NOT 1;
ALTER TABLE `audits` ADD COLUMN `client` text;
CREATE TABLE `throttles` (
  `scope` text,
  `count` integer NOT NULL,
  `window_ends` datetime NOT NULL,
  PRIMARY KEY (`scope`)
);
CREATE INDEX `idx_throttles_window_ends` ON `throttles`(`window_ends`);

-- +goose Down
DROP TABLE `throttles`;
ALTER TABLE `audits` DROP COLUMN `client`;
ALTER TABLE `cashiers` DROP COLUMN `must_change_password`;
