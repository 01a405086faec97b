CREATE TYPE "public"."open_sign_on_kind" AS ENUM('organization', 'individual');--> statement-breakpoint
CREATE TYPE "public"."open_sign_on_status" AS ENUM('unverified', 'verified', 'approved', 'rejected', 'spam', 'merged', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."open_sign_on_token_purpose" AS ENUM('verify', 'withdraw');--> statement-breakpoint
CREATE TABLE "open_sign_on_settings" (
	"statement_id" integer PRIMARY KEY NOT NULL,
	"open" boolean DEFAULT false NOT NULL,
	"deadline" timestamp with time zone,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"individuals_allowed" boolean DEFAULT false NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open_sign_on_submissions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "open_sign_on_submissions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"statement_id" integer NOT NULL,
	"kind" "open_sign_on_kind" DEFAULT 'organization' NOT NULL,
	"name" text NOT NULL,
	"acronym" text,
	"country" text,
	"website" text,
	"contact_name" text,
	"email" text NOT NULL,
	"locale" text NOT NULL,
	"status" "open_sign_on_status" DEFAULT 'unverified' NOT NULL,
	"name_key" text NOT NULL,
	"email_key" text NOT NULL,
	"merged_into" integer,
	"organization_id" integer,
	"verified_at" timestamp with time zone,
	"decided_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "open_sign_on_submissions_country_iso" CHECK ("open_sign_on_submissions"."country" is null or "open_sign_on_submissions"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "open_sign_on_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "open_sign_on_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"token_hash" text NOT NULL,
	"submission_id" integer NOT NULL,
	"purpose" "open_sign_on_token_purpose" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "open_sign_on_settings" ADD CONSTRAINT "open_sign_on_settings_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_sign_on_submissions" ADD CONSTRAINT "open_sign_on_submissions_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_sign_on_submissions" ADD CONSTRAINT "open_sign_on_submissions_merged_into_open_sign_on_submissions_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."open_sign_on_submissions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_sign_on_submissions" ADD CONSTRAINT "open_sign_on_submissions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_sign_on_submissions" ADD CONSTRAINT "open_sign_on_submissions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_sign_on_tokens" ADD CONSTRAINT "open_sign_on_tokens_submission_id_open_sign_on_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."open_sign_on_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "open_sign_on_submissions_signer_key" ON "open_sign_on_submissions" USING btree ("statement_id","email_key","name_key");--> statement-breakpoint
CREATE INDEX "open_sign_on_submissions_queue_idx" ON "open_sign_on_submissions" USING btree ("statement_id","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "open_sign_on_tokens_token_hash_key" ON "open_sign_on_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "open_sign_on_tokens_submission_idx" ON "open_sign_on_tokens" USING btree ("submission_id");--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "open_sign_on_settings" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "open_sign_on_settings" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "open_sign_on_submissions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "open_sign_on_submissions" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();
