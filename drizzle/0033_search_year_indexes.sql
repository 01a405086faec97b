-- btree_gin lets the full-text indexes of dated rows hold each row's year beside its words (schema/search.ts): a common
-- word within a year is then the intersection of two lists inside the index, not thousands of rows read to test the year.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "search_documents_titled_tsv_en_idx";--> statement-breakpoint
DROP INDEX "search_documents_entries_tsv_en_idx";--> statement-breakpoint
DROP INDEX "search_documents_titled_tsv_es_idx";--> statement-breakpoint
DROP INDEX "search_documents_entries_tsv_es_idx";--> statement-breakpoint
CREATE INDEX "search_documents_titled_tsv_en_year_idx" ON "search_documents" USING gin ("tsv_en",((extract(year from "date"))::int)) WITH (fastupdate=false) WHERE "search_documents"."kind" in ('statement', 'release');--> statement-breakpoint
CREATE INDEX "search_documents_entries_tsv_en_year_idx" ON "search_documents" USING gin ("tsv_en",((extract(year from "date"))::int)) WITH (fastupdate=false) WHERE "search_documents"."kind" in ('recommendation', 'followup_response', 'followup_status_update');--> statement-breakpoint
CREATE INDEX "search_documents_titled_tsv_es_year_idx" ON "search_documents" USING gin ("tsv_es",((extract(year from "date"))::int)) WITH (fastupdate=false) WHERE "search_documents"."kind" in ('statement', 'release');--> statement-breakpoint
CREATE INDEX "search_documents_entries_tsv_es_year_idx" ON "search_documents" USING gin ("tsv_es",((extract(year from "date"))::int)) WITH (fastupdate=false) WHERE "search_documents"."kind" in ('recommendation', 'followup_response', 'followup_status_update');