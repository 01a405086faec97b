DROP INDEX "statements_date_idx";--> statement-breakpoint
CREATE INDEX "recommendations_statement_order_idx" ON "recommendations" USING btree ("statement_id","position","id");--> statement-breakpoint
CREATE INDEX "signatories_statement_order_idx" ON "signatories" USING btree ("statement_id","position","organization_id");