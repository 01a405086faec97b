CREATE TYPE "public"."press_contact_status" AS ENUM('active', 'unsubscribed', 'bounced');--> statement-breakpoint
CREATE TYPE "public"."press_list_kind" AS ENUM('filter', 'picked');--> statement-breakpoint
CREATE TYPE "public"."press_send_mode" AS ENUM('lift', 'now', 'embargo');--> statement-breakpoint
CREATE TYPE "public"."press_send_state" AS ENUM('scheduled', 'cancelled');--> statement-breakpoint
CREATE TABLE "press_contacts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "press_contacts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"outlet" text DEFAULT '' NOT NULL,
	"email" text NOT NULL,
	"languages" text[] NOT NULL,
	"country" text,
	"beat_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"trusted" boolean DEFAULT false NOT NULL,
	"status" "press_contact_status" DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "press_list_members" (
	"list_id" integer NOT NULL,
	"contact_id" integer NOT NULL,
	CONSTRAINT "press_list_members_list_id_contact_id_pk" PRIMARY KEY("list_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "press_lists" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "press_lists_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"kind" "press_list_kind" NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"beat_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "press_sends" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "press_sends_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"release_id" integer NOT NULL,
	"mode" "press_send_mode" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"send_after" timestamp with time zone NOT NULL,
	"list_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"contact_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"state" "press_send_state" DEFAULT 'scheduled' NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "press_list_members" ADD CONSTRAINT "press_list_members_list_id_press_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."press_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_list_members" ADD CONSTRAINT "press_list_members_contact_id_press_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."press_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_sends" ADD CONSTRAINT "press_sends_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_sends" ADD CONSTRAINT "press_sends_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "press_contacts_email_key" ON "press_contacts" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "press_contacts_name_idx" ON "press_contacts" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "press_list_members_contact_idx" ON "press_list_members" USING btree ("contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "press_lists_name_key" ON "press_lists" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "press_sends_release_idx" ON "press_sends" USING btree ("release_id","id");