CREATE TYPE "public"."addressee_kind" AS ENUM('person', 'office', 'government', 'agency', 'legislature', 'international_body', 'other');--> statement-breakpoint
CREATE TYPE "public"."organization_kind" AS ENUM('ngo', 'network', 'academic', 'faith_based', 'agency', 'government', 'other');--> statement-breakpoint
CREATE TYPE "public"."signatory_role" AS ENUM('convener', 'signatory');--> statement-breakpoint
CREATE TYPE "public"."statement_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "addressees" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "addressees_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kind" "addressee_kind" NOT NULL,
	"country" text,
	"parent_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organizations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"acronym" text,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"localized_name" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"boilerplate" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"website" text,
	"country" text,
	"kind" "organization_kind" DEFAULT 'ngo' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_country_iso" CHECK ("organizations"."country" is null or "organizations"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "people_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"role" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"organization_id" integer,
	"email" text,
	"phone" text,
	"is_press_contact" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quotes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"statement_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"text" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_addressees" (
	"recommendation_id" integer NOT NULL,
	"addressee_id" integer NOT NULL,
	CONSTRAINT "recommendation_addressees_recommendation_id_addressee_id_pk" PRIMARY KEY("recommendation_id","addressee_id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_themes" (
	"recommendation_id" integer NOT NULL,
	"theme_id" integer NOT NULL,
	CONSTRAINT "recommendation_themes_recommendation_id_theme_id_pk" PRIMARY KEY("recommendation_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recommendations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"statement_id" integer NOT NULL,
	"slug" text NOT NULL,
	"position" integer NOT NULL,
	"text" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signatories" (
	"statement_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"role" "signatory_role" DEFAULT 'signatory' NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "signatories_statement_id_organization_id_pk" PRIMARY KEY("statement_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "statement_addressees" (
	"statement_id" integer NOT NULL,
	"addressee_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "statement_addressees_statement_id_addressee_id_pk" PRIMARY KEY("statement_id","addressee_id")
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "statements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"title" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"body" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occasion" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"date" date NOT NULL,
	"status" "statement_status" DEFAULT 'draft' NOT NULL,
	"full_document_url" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "themes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"label" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "addressees" ADD CONSTRAINT "addressees_parent_id_addressees_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."addressees"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_addressees" ADD CONSTRAINT "recommendation_addressees_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_addressees" ADD CONSTRAINT "recommendation_addressees_addressee_id_addressees_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."addressees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_themes" ADD CONSTRAINT "recommendation_themes_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_themes" ADD CONSTRAINT "recommendation_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatories" ADD CONSTRAINT "signatories_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatories" ADD CONSTRAINT "signatories_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_addressees" ADD CONSTRAINT "statement_addressees_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_addressees" ADD CONSTRAINT "statement_addressees_addressee_id_addressees_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."addressees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "addressees_slug_key" ON "addressees" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "people_slug_key" ON "people" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "people_organization_idx" ON "people" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "quotes_statement_idx" ON "quotes" USING btree ("statement_id");--> statement-breakpoint
CREATE INDEX "recommendation_themes_theme_idx" ON "recommendation_themes" USING btree ("theme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendations_statement_slug_key" ON "recommendations" USING btree ("statement_id","slug");--> statement-breakpoint
CREATE INDEX "signatories_organization_idx" ON "signatories" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "statements_slug_key" ON "statements" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "statements_date_idx" ON "statements" USING btree ("date");--> statement-breakpoint
CREATE UNIQUE INDEX "themes_slug_key" ON "themes" USING btree ("slug");