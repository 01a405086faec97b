ALTER TABLE "open_sign_on_submissions" ADD COLUMN "name_match" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Written by the app on insert (release-text's matchKey); the rows already there get it here.
UPDATE "open_sign_on_submissions" SET "name_match" = lower(unaccent(translate("name", '’‘', '''''')));--> statement-breakpoint
CREATE INDEX "open_sign_on_submissions_name_trgm_idx" ON "open_sign_on_submissions" USING gin ("name_match" gin_trgm_ops);