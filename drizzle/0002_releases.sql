CREATE TYPE "public"."release_block_kind" AS ENUM('text', 'quote', 'highlights');--> statement-breakpoint
CREATE TYPE "public"."release_end_mark" AS ENUM('###', '-30-');--> statement-breakpoint
CREATE TYPE "public"."release_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "release_blocks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "release_blocks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"release_id" integer NOT NULL,
	"position" integer NOT NULL,
	"kind" "release_block_kind" NOT NULL,
	"text" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"person_id" integer,
	CONSTRAINT "release_blocks_quote_has_person" CHECK (("release_blocks"."kind" = 'quote') = ("release_blocks"."person_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "release_boilerplates" (
	"release_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "release_boilerplates_release_id_organization_id_pk" PRIMARY KEY("release_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "release_contacts" (
	"release_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "release_contacts_release_id_person_id_pk" PRIMARY KEY("release_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "release_highlights" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "release_highlights_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"release_id" integer NOT NULL,
	"position" integer NOT NULL,
	"recommendation_id" integer,
	"text" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "release_highlights_one_source" CHECK (("release_highlights"."recommendation_id" is null) <> ("release_highlights"."text" = '{}'::jsonb))
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "releases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"statement_id" integer,
	"status" "release_status" DEFAULT 'draft' NOT NULL,
	"embargoed_until" timestamp with time zone,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"release_date" date NOT NULL,
	"headline" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"subheadline" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dateline_place" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lead" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"full_document_url" text,
	"end_mark" "release_end_mark" DEFAULT '###' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "release_blocks" ADD CONSTRAINT "release_blocks_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_blocks" ADD CONSTRAINT "release_blocks_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_boilerplates" ADD CONSTRAINT "release_boilerplates_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_boilerplates" ADD CONSTRAINT "release_boilerplates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_contacts" ADD CONSTRAINT "release_contacts_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_contacts" ADD CONSTRAINT "release_contacts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_highlights" ADD CONSTRAINT "release_highlights_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_highlights" ADD CONSTRAINT "release_highlights_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "release_blocks_release_idx" ON "release_blocks" USING btree ("release_id");--> statement-breakpoint
CREATE INDEX "release_highlights_release_idx" ON "release_highlights" USING btree ("release_id");--> statement-breakpoint
CREATE UNIQUE INDEX "releases_slug_key" ON "releases" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "releases_statement_idx" ON "releases" USING btree ("statement_id");