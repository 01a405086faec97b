CREATE TYPE "public"."followup_publication" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."implementation_status" AS ENUM('not_started', 'in_progress', 'partially_implemented', 'implemented', 'reversed', 'no_longer_relevant');--> statement-breakpoint
CREATE TYPE "public"."response_position" AS ENUM('accepted', 'partially_accepted', 'noted', 'rejected', 'no_response');--> statement-breakpoint
CREATE TABLE "followup_commitment_recommendations" (
	"commitment_id" integer NOT NULL,
	"recommendation_id" integer NOT NULL,
	CONSTRAINT "followup_commitment_recommendations_commitment_id_recommendation_id_pk" PRIMARY KEY("commitment_id","recommendation_id")
);
--> statement-breakpoint
CREATE TABLE "followup_commitments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "followup_commitments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer,
	"addressee_id" integer,
	"organization_id" integer,
	"text" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"date" date NOT NULL,
	"due_on" date,
	"fulfilled_on" date,
	"publication" "followup_publication" DEFAULT 'draft' NOT NULL,
	"recorded_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "followup_commitments_who" CHECK (("followup_commitments"."organization_id" is null) <> ("followup_commitments"."addressee_id" is null))
);
--> statement-breakpoint
CREATE TABLE "followup_evidence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "followup_evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"status_update_id" integer NOT NULL,
	"url" text NOT NULL,
	"title" text NOT NULL,
	"publisher" text NOT NULL,
	"published_on" date,
	"upload_sha256" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "followup_evidence_upload_sha256" CHECK ("followup_evidence"."upload_sha256" is null or "followup_evidence"."upload_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "followup_meeting_participants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "followup_meeting_participants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"organization_id" integer,
	"addressee_id" integer,
	CONSTRAINT "followup_meeting_participants_one" CHECK (("followup_meeting_participants"."organization_id" is null) <> ("followup_meeting_participants"."addressee_id" is null))
);
--> statement-breakpoint
CREATE TABLE "followup_meeting_recommendations" (
	"meeting_id" integer NOT NULL,
	"recommendation_id" integer NOT NULL,
	CONSTRAINT "followup_meeting_recommendations_meeting_id_recommendation_id_pk" PRIMARY KEY("meeting_id","recommendation_id")
);
--> statement-breakpoint
CREATE TABLE "followup_meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "followup_meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"date" date NOT NULL,
	"place" text,
	"online" boolean DEFAULT false NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"minutes_url" text,
	"minutes_upload_sha256" text,
	"publication" "followup_publication" DEFAULT 'draft' NOT NULL,
	"recorded_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "followup_meetings_minutes_sha256" CHECK ("followup_meetings"."minutes_upload_sha256" is null or "followup_meetings"."minutes_upload_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "followup_responses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "followup_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"recommendation_id" integer NOT NULL,
	"addressee_id" integer NOT NULL,
	"position" "response_position" NOT NULL,
	"date" date NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_url" text,
	"source_title" text,
	"source_upload_sha256" text,
	"publication" "followup_publication" DEFAULT 'draft' NOT NULL,
	"recorded_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "followup_responses_upload_sha256" CHECK ("followup_responses"."source_upload_sha256" is null or "followup_responses"."source_upload_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "followup_status_updates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "followup_status_updates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"recommendation_id" integer NOT NULL,
	"statement_id" integer NOT NULL,
	"status" "implementation_status" NOT NULL,
	"date" date NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"publication" "followup_publication" DEFAULT 'draft' NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"recorded_by" integer,
	"recorded_by_label" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "followup_commitment_recommendations" ADD CONSTRAINT "followup_commitment_recommendations_commitment_id_followup_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."followup_commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_commitment_recommendations" ADD CONSTRAINT "followup_commitment_recommendations_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_commitments" ADD CONSTRAINT "followup_commitments_meeting_id_followup_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."followup_meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_commitments" ADD CONSTRAINT "followup_commitments_addressee_id_addressees_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."addressees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_commitments" ADD CONSTRAINT "followup_commitments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_commitments" ADD CONSTRAINT "followup_commitments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_evidence" ADD CONSTRAINT "followup_evidence_status_update_id_followup_status_updates_id_fk" FOREIGN KEY ("status_update_id") REFERENCES "public"."followup_status_updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_meeting_participants" ADD CONSTRAINT "followup_meeting_participants_meeting_id_followup_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."followup_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_meeting_participants" ADD CONSTRAINT "followup_meeting_participants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_meeting_participants" ADD CONSTRAINT "followup_meeting_participants_addressee_id_addressees_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."addressees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_meeting_recommendations" ADD CONSTRAINT "followup_meeting_recommendations_meeting_id_followup_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."followup_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_meeting_recommendations" ADD CONSTRAINT "followup_meeting_recommendations_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_meetings" ADD CONSTRAINT "followup_meetings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_responses" ADD CONSTRAINT "followup_responses_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_responses" ADD CONSTRAINT "followup_responses_addressee_id_addressees_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."addressees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_responses" ADD CONSTRAINT "followup_responses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_status_updates" ADD CONSTRAINT "followup_status_updates_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_status_updates" ADD CONSTRAINT "followup_status_updates_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_status_updates" ADD CONSTRAINT "followup_status_updates_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "followup_commitment_recommendations_rec_idx" ON "followup_commitment_recommendations" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "followup_commitments_due_idx" ON "followup_commitments" USING btree ("due_on") WHERE "followup_commitments"."fulfilled_on" is null;--> statement-breakpoint
CREATE INDEX "followup_evidence_update_idx" ON "followup_evidence" USING btree ("status_update_id");--> statement-breakpoint
CREATE INDEX "followup_meeting_participants_meeting_idx" ON "followup_meeting_participants" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "followup_meeting_recommendations_rec_idx" ON "followup_meeting_recommendations" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "followup_meetings_date_idx" ON "followup_meetings" USING btree ("date");--> statement-breakpoint
CREATE INDEX "followup_responses_recommendation_idx" ON "followup_responses" USING btree ("recommendation_id","date");--> statement-breakpoint
CREATE INDEX "followup_responses_addressee_idx" ON "followup_responses" USING btree ("addressee_id","recommendation_id");--> statement-breakpoint
CREATE INDEX "followup_status_updates_timeline_idx" ON "followup_status_updates" USING btree ("recommendation_id","date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "followup_status_updates_current_idx" ON "followup_status_updates" USING btree ("statement_id","status","recommendation_id") WHERE "followup_status_updates"."is_current";--> statement-breakpoint
CREATE INDEX "followup_status_updates_published_date_idx" ON "followup_status_updates" USING btree ("date","status","recommendation_id") WHERE "followup_status_updates"."publication" = 'published';--> statement-breakpoint
CREATE INDEX "recommendation_addressees_addressee_idx" ON "recommendation_addressees" USING btree ("addressee_id");