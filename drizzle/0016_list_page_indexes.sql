DROP INDEX "audit_log_entity_idx";--> statement-breakpoint
CREATE INDEX "statements_date_desc_slug_idx" ON "statements" USING btree ("date" DESC NULLS FIRST,"slug");--> statement-breakpoint
CREATE INDEX "releases_date_desc_slug_idx" ON "releases" USING btree ("release_date" DESC NULLS FIRST,"slug");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at","id");