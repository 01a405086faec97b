CREATE TABLE "followup_rollup" (
	"theme_id" integer NOT NULL,
	"addressee_id" integer NOT NULL,
	"country" text NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "followup_rollup_theme_id_addressee_id_country_status_pk" PRIMARY KEY("theme_id","addressee_id","country","status")
);
--> statement-breakpoint
CREATE TABLE "followup_rollup_statements" (
	"statement_id" integer NOT NULL,
	"theme_id" integer NOT NULL,
	"addressee_id" integer NOT NULL,
	"country" text NOT NULL,
	"status" text NOT NULL,
	"published" boolean NOT NULL,
	"n" integer NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "followup_rollup_statements_theme_id_addressee_id_country_statement_id_status_pk" PRIMARY KEY("theme_id","addressee_id","country","statement_id","status")
);
--> statement-breakpoint
CREATE INDEX "followup_rollup_statements_statement_idx" ON "followup_rollup_statements" USING btree ("statement_id");