CREATE TABLE "followup_rollup_transitions" (
	"theme_id" integer NOT NULL,
	"addressee_id" integer NOT NULL,
	"country" text NOT NULL,
	"statement_year" integer NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"delta" integer NOT NULL,
	CONSTRAINT "followup_rollup_transitions_theme_id_addressee_id_country_statement_year_year_status_pk" PRIMARY KEY("theme_id","addressee_id","country","statement_year","year","status")
);
--> statement-breakpoint
CREATE TABLE "followup_rollup_transitions_statements" (
	"statement_id" integer NOT NULL,
	"theme_id" integer NOT NULL,
	"addressee_id" integer NOT NULL,
	"country" text NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"published" boolean NOT NULL,
	"statement_year" integer NOT NULL,
	"delta" integer NOT NULL,
	CONSTRAINT "followup_rollup_transitions_statements_theme_id_addressee_id_country_statement_id_year_status_pk" PRIMARY KEY("theme_id","addressee_id","country","statement_id","year","status")
);
--> statement-breakpoint
CREATE INDEX "followup_rollup_transitions_statements_statement_idx" ON "followup_rollup_transitions_statements" USING btree ("statement_id");