CREATE TYPE "public"."statement_kind" AS ENUM('coalition', 'upr_review', 'treaty_body', 'special_procedure');--> statement-breakpoint
CREATE TABLE "recommendation_links" (
	"recommendation_id" integer NOT NULL,
	"echoes_id" integer NOT NULL,
	CONSTRAINT "recommendation_links_recommendation_id_echoes_id_pk" PRIMARY KEY("recommendation_id","echoes_id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_recommenders" (
	"recommendation_id" integer NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"country" text,
	CONSTRAINT "recommendation_recommenders_recommendation_id_position_pk" PRIMARY KEY("recommendation_id","position")
);
--> statement-breakpoint
CREATE TABLE "theme_mappings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "theme_mappings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source" text NOT NULL,
	"label" text NOT NULL,
	"theme_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "source_key" text;--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "source_reference" text;--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "sdgs" smallint[] DEFAULT '{}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "kind" "statement_kind" DEFAULT 'coalition' NOT NULL;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "cycle" integer;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "session" integer;--> statement-breakpoint
ALTER TABLE "recommendation_links" ADD CONSTRAINT "recommendation_links_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_links" ADD CONSTRAINT "recommendation_links_echoes_id_recommendations_id_fk" FOREIGN KEY ("echoes_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_recommenders" ADD CONSTRAINT "recommendation_recommenders_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_mappings" ADD CONSTRAINT "theme_mappings_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recommendation_links_echoes_idx" ON "recommendation_links" USING btree ("echoes_id");--> statement-breakpoint
CREATE INDEX "recommendation_recommenders_country_idx" ON "recommendation_recommenders" USING btree ("country","recommendation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "theme_mappings_source_label_key" ON "theme_mappings" USING btree ("source","label");--> statement-breakpoint
CREATE INDEX "theme_mappings_theme_idx" ON "theme_mappings" USING btree ("theme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendations_source_key" ON "recommendations" USING btree ("source_key") WHERE "recommendations"."source_key" is not null;--> statement-breakpoint
CREATE INDEX "statements_kind_cycle_idx" ON "statements" USING btree ("kind","cycle");--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "recommendation_recommenders" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "recommendation_recommenders" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "content_changed" AFTER INSERT OR UPDATE OR DELETE ON "recommendation_links" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "puente_content_changed"();--> statement-breakpoint
CREATE TRIGGER "content_truncated" AFTER TRUNCATE ON "recommendation_links" FOR EACH STATEMENT EXECUTE FUNCTION "puente_content_changed"();
