DROP INDEX "search_documents_titled_tsv_en_idx";--> statement-breakpoint
DROP INDEX "search_documents_titled_tsv_es_idx";--> statement-breakpoint
CREATE INDEX "search_documents_organization_tsv_en_idx" ON "search_documents" USING gin ("tsv_en") WITH (fastupdate=false) WHERE "search_documents"."kind" = 'organization';--> statement-breakpoint
CREATE INDEX "search_documents_organization_tsv_es_idx" ON "search_documents" USING gin ("tsv_es") WITH (fastupdate=false) WHERE "search_documents"."kind" = 'organization';--> statement-breakpoint
CREATE INDEX "search_documents_titled_tsv_en_idx" ON "search_documents" USING gin ("tsv_en") WITH (fastupdate=false) WHERE "search_documents"."kind" in ('statement', 'release');--> statement-breakpoint
CREATE INDEX "search_documents_titled_tsv_es_idx" ON "search_documents" USING gin ("tsv_es") WITH (fastupdate=false) WHERE "search_documents"."kind" in ('statement', 'release');--> statement-breakpoint
-- Planning a search's name match (`lower(unaccent(q)) <% names`) estimates its selectivity with pg_trgm's
-- matchingsel, which runs word_similarity on every histogram bound of `names` once there are 10 or more: 2 to 50 ms
-- of planning per search on PGlite at 250,000 recommendations (execution was under 1 ms). Five buckets keep the
-- histogram under that threshold (only organizations have names; the rows without one are the common value).
ALTER TABLE "search_documents" ALTER COLUMN "names" SET STATISTICS 5;--> statement-breakpoint
ANALYZE "search_documents";
