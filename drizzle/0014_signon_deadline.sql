ALTER TABLE "sign_on_calls" ADD COLUMN "deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sign_on_calls" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;