CREATE TYPE "public"."sheet_import_phase" AS ENUM('check', 'commit');--> statement-breakpoint
CREATE TYPE "public"."sheet_import_state" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "sheet_import_jobs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sheet_import_jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"file_name" text NOT NULL,
	"file" "bytea",
	"file_bytes" integer NOT NULL,
	"created_by" integer,
	"phase" "sheet_import_phase" DEFAULT 'check' NOT NULL,
	"state" "sheet_import_state" DEFAULT 'queued' NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"bytes_done" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"failure" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sheet_import_jobs" ADD CONSTRAINT "sheet_import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sheet_import_jobs_state_idx" ON "sheet_import_jobs" USING btree ("state","id");