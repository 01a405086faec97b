-- The public reads only approved open signatures (the statement page's count, countries and names). A signature
-- submitted, confirmed, merged, rejected or marked as spam changes nothing the public sees, and bumping the content
-- version for each of them emptied the page cache at every sign-on of a busy campaign. So a write to
-- open_sign_on_submissions moves the version only when an approved row is written, made or removed.
DROP TRIGGER IF EXISTS "content_changed" ON "open_sign_on_submissions";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER UPDATE ON "open_sign_on_submissions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD."status" = 'approved' OR NEW."status" = 'approved') EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed_on_insert" AFTER INSERT ON "open_sign_on_submissions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."status" = 'approved') EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed_on_delete" AFTER DELETE ON "open_sign_on_submissions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD."status" = 'approved') EXECUTE FUNCTION "puente_content_changed"();
