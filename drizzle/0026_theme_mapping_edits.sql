CREATE TABLE "recommendation_source_themes" (
	"recommendation_id" integer NOT NULL,
	"source" text NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "recommendation_source_themes_recommendation_id_source_label_pk" PRIMARY KEY("recommendation_id","source","label")
);
--> statement-breakpoint
ALTER TABLE "theme_mappings" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "recommendation_source_themes" ADD CONSTRAINT "recommendation_source_themes_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recommendation_source_themes_label_idx" ON "recommendation_source_themes" USING btree ("source","label");--> statement-breakpoint
-- Imports before this migration kept no labels: each imported recommendation is given the labels whose
-- mapping led to a theme it carries (the importers wrote one mapping per label, and a theme only by one).
INSERT INTO "recommendation_source_themes" ("recommendation_id", "source", "label")
SELECT rt."recommendation_id", m."source", m."label"
FROM "recommendation_themes" rt
JOIN "recommendations" r ON r."id" = rt."recommendation_id" AND r."source_key" IS NOT NULL
JOIN "theme_mappings" m ON m."theme_id" = rt."theme_id"
ON CONFLICT DO NOTHING;
