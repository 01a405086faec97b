CREATE TABLE "content_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_version_one_row" CHECK ("content_version"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "release_downloads" (
	"key" text PRIMARY KEY NOT NULL,
	"body" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
INSERT INTO "content_version" ("id") VALUES (1) ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Public material changed: bump the one counter once per transaction, at its commit (see
-- src/platform/db/schema/content-version.ts). Deferred, so the counter's row is locked only while a
-- transaction commits: writers never queue behind a long transaction, nor deadlock on it.
-- It also notifies at that commit, so the embedded engine's one process learns it without asking.
CREATE FUNCTION "puente_content_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bumped bigint;
BEGIN
  IF current_setting('puente.content_changed', true) IS DISTINCT FROM 'yes' THEN
    PERFORM set_config('puente.content_changed', 'yes', true);
    UPDATE "content_version" SET "version" = "version" + 1, "changed_at" = now() WHERE "id" = 1
      RETURNING "version" INTO bumped;
    PERFORM pg_notify('puente_content_version', bumped::text);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "organizations" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "organizations" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "people" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "people" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "themes" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "themes" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "addressees" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "addressees" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "statements" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "statements" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "statement_addressees" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "statement_addressees" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "recommendations" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "recommendations" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "recommendation_themes" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "recommendation_themes" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "recommendation_addressees" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "recommendation_addressees" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "signatories" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "signatories" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "quotes" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "quotes" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "files" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "files" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "organization_logos" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "organization_logos" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "statement_documents" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "statement_documents" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "followup_rollup_statements" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "followup_rollup_statements" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "followup_rollup" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "followup_rollup" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "followup_rollup_transitions_statements" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "followup_rollup_transitions_statements" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "followup_rollup_transitions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "followup_rollup_transitions" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "followup_responses" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "followup_responses" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "followup_status_updates" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "followup_status_updates" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "followup_evidence" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "followup_evidence" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "followup_meetings" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "followup_meetings" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "followup_meeting_participants" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "followup_meeting_participants" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "followup_meeting_recommendations" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "followup_meeting_recommendations" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "followup_commitments" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "followup_commitments" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "followup_commitment_recommendations" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "followup_commitment_recommendations" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "releases" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "releases" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "release_contacts" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "release_contacts" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "release_blocks" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "release_blocks" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "release_highlights" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "release_highlights" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "release_boilerplates" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "release_boilerplates" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "sign_on_calls" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "sign_on_calls" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "sign_on_requests" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "sign_on_requests" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();
