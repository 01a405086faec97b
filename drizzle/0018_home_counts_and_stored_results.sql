CREATE TABLE "release_lint_results" (
	"release_id" integer PRIMARY KEY NOT NULL,
	"release_version" integer NOT NULL,
	"inputs_stamp" text NOT NULL,
	"errors" integer NOT NULL,
	"warnings" integer NOT NULL,
	"findings" jsonb NOT NULL,
	"linted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "translation_todos" (
	"locale" text NOT NULL,
	"kind" integer NOT NULL,
	"sort" text NOT NULL,
	"item_id" integer NOT NULL,
	"field_order" integer NOT NULL,
	"field_number" integer NOT NULL,
	"field" text NOT NULL,
	"name" jsonb,
	"own" text NOT NULL,
	"fallback" text NOT NULL,
	"edit_path" text NOT NULL,
	"state" text NOT NULL,
	CONSTRAINT "translation_todos_locale_kind_sort_item_id_field_order_pk" PRIMARY KEY("locale","kind","sort","item_id","field_order")
);
--> statement-breakpoint
CREATE TABLE "translation_todos_stamp" (
	"id" integer PRIMARY KEY NOT NULL,
	"stamp" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "release_lint_results" ADD CONSTRAINT "release_lint_results_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "translation_todos_state_idx" ON "translation_todos" USING btree ("state","locale","kind","sort","item_id","field_order");--> statement-breakpoint
CREATE INDEX "statements_status_updated_idx" ON "statements" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "releases_status_updated_idx" ON "releases" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "releases_embargo_ahead_idx" ON "releases" USING btree ("embargoed_until") WHERE "releases"."status" = 'published' and "releases"."withdrawn_at" is null and "releases"."embargoed_until" is not null;