-- Issue 9: an account whose password is still an initial one must change it before anything
-- else; audits record the client address; the rate-limit counters of platform/throttle.go.

-- +goose Up
ALTER TABLE "cashiers" ADD COLUMN "must_change_password" boolean;
UPDATE "cashiers" SET "must_change_password" = true WHERE "password_changed" IS NOT TRUE;
ALTER TABLE "audits" ADD COLUMN "client" varchar(64);
CREATE TABLE "throttles" (
  "scope" varchar(191),
  "count" bigint NOT NULL,
  "window_ends" timestamptz NOT NULL,
  PRIMARY KEY ("scope")
);
CREATE INDEX "idx_throttles_window_ends" ON "throttles" ("window_ends");

-- +goose Down
DROP TABLE "throttles";
ALTER TABLE "audits" DROP COLUMN "client";
ALTER TABLE "cashiers" DROP COLUMN "must_change_password";
