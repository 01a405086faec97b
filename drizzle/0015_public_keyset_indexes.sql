DROP INDEX "statements_date_idx";--> statement-breakpoint
CREATE INDEX "recommendations_statement_order_idx" ON "recommendations" USING btree ("statement_id","position","id");--> statement-breakpoint
CREATE INDEX "signatories_statement_order_idx" ON "signatories" USING btree ("statement_id","position","organization_id");--> statement-breakpoint
CREATE INDEX "statements_date_slug_idx" ON "statements" USING btree ("date" DESC NULLS LAST,"slug");--> statement-breakpoint
CREATE INDEX "releases_date_idx" ON "releases" USING btree ("release_date" DESC NULLS LAST,"slug");