CREATE TYPE "public"."event_status" AS ENUM('draft', 'in_review', 'published', 'rejected', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."event_type" AS ENUM('netwerkbijeenkomst', 'workshop', 'inkoopsessie', 'leergang-bijeenkomst', 'webinar', 'markt-beurs', 'overig');--> statement-breakpoint
CREATE TYPE "public"."occurrence_status" AS ENUM('scheduled', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."registration_mode" AS ENUM('none', 'internal', 'external');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('confirmed', 'waitlisted', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."contact_kind" AS ENUM('phone', 'visit', 'email', 'other');--> statement-breakpoint
CREATE TYPE "public"."support_routing_target_kind" AS ENUM('user', 'team', 'partner');--> statement-breakpoint
CREATE TYPE "public"."support_contact_preference" AS ENUM('email', 'phone', 'meeting');--> statement-breakpoint
CREATE TYPE "public"."support_event_kind" AS ENUM('submitted', 'confirmed', 'routed', 'assigned', 'status_changed', 'note', 'message_to_requester', 'message_from_requester', 'referred', 'closed', 'reopened', 'withdrawn', 'rated', 'anonymised');--> statement-breakpoint
CREATE TYPE "public"."support_outcome" AS ENUM('answered', 'referred', 'not_possible', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."support_status" AS ENUM('unconfirmed', 'new', 'assigned', 'in_progress', 'waiting', 'referred', 'closed');--> statement-breakpoint
CREATE TYPE "public"."support_topic" AS ENUM('financiering', 'inkoop-en-aanbesteden', 'vergunningen-en-regels', 'huisvesting-en-locatie', 'netwerk-en-samenwerking', 'impact-meten', 'zichtbaarheid-en-marketing', 'personeel-en-inclusief-werk', 'anders');--> statement-breakpoint
CREATE TYPE "public"."support_urgency" AS ENUM('low', 'normal', 'high');--> statement-breakpoint
CREATE TYPE "public"."support_team_strategy" AS ENUM('round_robin', 'least_open');--> statement-breakpoint
CREATE TYPE "public"."story_kind" AS ENUM('portret', 'nieuws');--> statement-breakpoint
CREATE TYPE "public"."story_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "event_exdates" (
	"event_id" uuid NOT NULL,
	"original_starts_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"original_starts_at" timestamp with time zone NOT NULL,
	"status" "occurrence_status" DEFAULT 'scheduled' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"event_status" "event_status" NOT NULL,
	"municipality_slug" text NOT NULL,
	"type" "event_type" NOT NULL,
	"is_online" boolean NOT NULL,
	"theme_slugs" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"type" "event_type" NOT NULL,
	"organiser_organisation_id" uuid,
	"created_by_user_id" uuid,
	"municipality_slug" text NOT NULL,
	"theme_slugs" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdgs" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"is_online" boolean DEFAULT false NOT NULL,
	"location_name" text,
	"street_address" text,
	"postcode" text,
	"city" text,
	"online_url" text,
	"location_for_registered_only" boolean DEFAULT false NOT NULL,
	"duration_minutes" integer NOT NULL,
	"recurrence" jsonb,
	"registration_mode" "registration_mode" DEFAULT 'none' NOT NULL,
	"external_registration_url" text,
	"capacity" integer,
	"status" "event_status" DEFAULT 'draft' NOT NULL,
	"rejection_reason" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch'::regconfig, ir_unaccent(title)), 'A') || setweight(to_tsvector('dutch'::regconfig, ir_unaccent(description)), 'D')) STORED
);
--> statement-breakpoint
CREATE TABLE "registration_cancel_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"registration_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurrence_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"organisation_name" text,
	"status" "registration_status" NOT NULL,
	"attended" boolean,
	"seq" bigserial NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"lang" text DEFAULT 'nl' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"last_four" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "contact_moments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_user_id" uuid,
	"kind" "contact_kind" NOT NULL,
	"happened_on" date NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_case_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" "support_event_kind" NOT NULL,
	"actor_user_id" uuid,
	"from_status" "support_status",
	"to_status" "support_status",
	"body" text,
	"partner_organisation_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_municipality_settings" (
	"municipality_slug" text PRIMARY KEY NOT NULL,
	"default_user_id" uuid,
	"response_working_days" smallint DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_number" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"topic" "support_topic" NOT NULL,
	"municipality_slug" text NOT NULL,
	"organisation_id" uuid,
	"requester_user_id" uuid,
	"requester_name" text NOT NULL,
	"requester_email" text NOT NULL,
	"requester_phone" text,
	"lang" text DEFAULT 'nl' NOT NULL,
	"description" text NOT NULL,
	"urgency" "support_urgency" DEFAULT 'normal' NOT NULL,
	"contact_preference" "support_contact_preference" DEFAULT 'email' NOT NULL,
	"consent_text_version" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"status" "support_status" NOT NULL,
	"assignee_user_id" uuid,
	"partner_organisation_id" uuid,
	"confirm_token_hash" text,
	"confirmed_at" timestamp with time zone,
	"first_response_due_at" timestamp with time zone,
	"first_responded_at" timestamp with time zone,
	"outcome" "support_outcome",
	"closed_at" timestamp with time zone,
	"satisfaction" smallint,
	"rated_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_requests_has_owner" CHECK (status = 'unconfirmed' or assignee_user_id is not null or partner_organisation_id is not null),
	CONSTRAINT "support_requests_satisfaction_range" CHECK (satisfaction is null or satisfaction between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "support_routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_slug" text NOT NULL,
	"topic" "support_topic" NOT NULL,
	"target_kind" "support_routing_target_kind" NOT NULL,
	"target_user_id" uuid,
	"team_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"team_strategy" "support_team_strategy",
	"partner_organisation_id" uuid,
	"last_assigned_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_stand_ins" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"stand_in_user_id" uuid NOT NULL,
	"absent_from" date NOT NULL,
	"absent_until" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" "story_kind" DEFAULT 'portret' NOT NULL,
	"title" text NOT NULL,
	"lead" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"theme_slugs" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "story_status" DEFAULT 'draft' NOT NULL,
	"has_image" boolean DEFAULT false NOT NULL,
	"image_alt" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by_user_id" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "story_images" (
	"story_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "story_organisations" (
	"story_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "story_organisations_story_id_organisation_id_pk" PRIMARY KEY("story_id","organisation_id")
);
--> statement-breakpoint
DROP INDEX "organisations_pub_search_filters_idx";--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "name_bucket" smallint GENERATED ALWAYS AS (((ir_unaccent(lower(name)) >= 'b')::int + (ir_unaccent(lower(name)) >= 'c')::int + (ir_unaccent(lower(name)) >= 'd')::int + (ir_unaccent(lower(name)) >= 'de ')::int + (ir_unaccent(lower(name)) >= 'df')::int + (ir_unaccent(lower(name)) >= 'e')::int + (ir_unaccent(lower(name)) >= 'f')::int + (ir_unaccent(lower(name)) >= 'g')::int + (ir_unaccent(lower(name)) >= 'h')::int + (ir_unaccent(lower(name)) >= 'i')::int + (ir_unaccent(lower(name)) >= 'j')::int + (ir_unaccent(lower(name)) >= 'k')::int + (ir_unaccent(lower(name)) >= 'l')::int + (ir_unaccent(lower(name)) >= 'm')::int + (ir_unaccent(lower(name)) >= 'n')::int + (ir_unaccent(lower(name)) >= 'o')::int + (ir_unaccent(lower(name)) >= 'p')::int + (ir_unaccent(lower(name)) >= 'q')::int + (ir_unaccent(lower(name)) >= 'r')::int + (ir_unaccent(lower(name)) >= 's')::int + (ir_unaccent(lower(name)) >= 'st')::int + (ir_unaccent(lower(name)) >= 'su')::int + (ir_unaccent(lower(name)) >= 't')::int + (ir_unaccent(lower(name)) >= 'u')::int + (ir_unaccent(lower(name)) >= 'v')::int + (ir_unaccent(lower(name)) >= 'w')::int + (ir_unaccent(lower(name)) >= 'x')::int + (ir_unaccent(lower(name)) >= 'y')::int + (ir_unaccent(lower(name)) >= 'z')::int)::smallint) STORED;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "newest_bucket" smallint GENERATED ALWAYS AS (coalesce(floor(date_part('epoch', published_at AT TIME ZONE 'UTC') / 2629746)::smallint, -1::smallint)) STORED;--> statement-breakpoint
ALTER TABLE "event_exdates" ADD CONSTRAINT "event_exdates_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_occurrences" ADD CONSTRAINT "event_occurrences_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organiser_organisation_id_organisations_id_fk" FOREIGN KEY ("organiser_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_municipality_slug_municipalities_slug_fk" FOREIGN KEY ("municipality_slug") REFERENCES "public"."municipalities"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_cancel_tokens" ADD CONSTRAINT "registration_cancel_tokens_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_occurrence_id_event_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."event_occurrences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_moments" ADD CONSTRAINT "contact_moments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_moments" ADD CONSTRAINT "contact_moments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_attachments" ADD CONSTRAINT "support_attachments_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_events" ADD CONSTRAINT "support_events_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_events" ADD CONSTRAINT "support_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_events" ADD CONSTRAINT "support_events_partner_organisation_id_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_municipality_settings" ADD CONSTRAINT "support_municipality_settings_municipality_slug_municipalities_slug_fk" FOREIGN KEY ("municipality_slug") REFERENCES "public"."municipalities"("slug") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_municipality_settings" ADD CONSTRAINT "support_municipality_settings_default_user_id_users_id_fk" FOREIGN KEY ("default_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_municipality_slug_municipalities_slug_fk" FOREIGN KEY ("municipality_slug") REFERENCES "public"."municipalities"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_requester_user_id_users_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_partner_organisation_id_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_routing_rules" ADD CONSTRAINT "support_routing_rules_municipality_slug_municipalities_slug_fk" FOREIGN KEY ("municipality_slug") REFERENCES "public"."municipalities"("slug") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_routing_rules" ADD CONSTRAINT "support_routing_rules_target_user_id_users_id_fk" FOREIGN KEY ("target_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_routing_rules" ADD CONSTRAINT "support_routing_rules_partner_organisation_id_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_stand_ins" ADD CONSTRAINT "support_stand_ins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_stand_ins" ADD CONSTRAINT "support_stand_ins_stand_in_user_id_users_id_fk" FOREIGN KEY ("stand_in_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_images" ADD CONSTRAINT "story_images_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_organisations" ADD CONSTRAINT "story_organisations_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_organisations" ADD CONSTRAINT "story_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_exdates_unique" ON "event_exdates" USING btree ("event_id","original_starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "event_occurrences_original_unique" ON "event_occurrences" USING btree ("event_id","original_starts_at");--> statement-breakpoint
CREATE INDEX "event_occurrences_agenda_idx" ON "event_occurrences" USING btree ("starts_at","ends_at","municipality_slug","type","is_online","status","event_id","theme_slugs","id","event_status") WHERE event_status IN ('published', 'cancelled');--> statement-breakpoint
CREATE INDEX "event_occurrences_agenda_municipality_idx" ON "event_occurrences" USING btree ("municipality_slug","starts_at","ends_at","type","is_online","status","event_id","theme_slugs","id","event_status") WHERE event_status IN ('published', 'cancelled');--> statement-breakpoint
CREATE INDEX "event_occurrences_event_idx" ON "event_occurrences" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "events_slug_unique" ON "events" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "events_search_idx" ON "events" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "events_status_idx" ON "events" USING btree ("status");--> statement-breakpoint
CREATE INDEX "events_organiser_idx" ON "events" USING btree ("organiser_organisation_id");--> statement-breakpoint
CREATE INDEX "events_duration_idx" ON "events" USING btree ("duration_minutes");--> statement-breakpoint
CREATE INDEX "registration_cancel_tokens_registration_idx" ON "registration_cancel_tokens" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_active_email_unique" ON "registrations" USING btree ("occurrence_id","email") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "registrations_occurrence_idx" ON "registrations" USING btree ("occurrence_id","status","seq");--> statement-breakpoint
CREATE INDEX "registrations_event_idx" ON "registrations" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "registrations_user_idx" ON "registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "registrations_reminder_due_idx" ON "registrations" USING btree ("occurrence_id") WHERE status = 'confirmed' AND reminder_sent_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_unique" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "contact_moments_organisation_idx" ON "contact_moments" USING btree ("organisation_id","happened_on" DESC NULLS LAST,"created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "support_attachments_request_idx" ON "support_attachments" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "support_events_request_idx" ON "support_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "support_requests_case_number_unique" ON "support_requests" USING btree ("case_number");--> statement-breakpoint
CREATE UNIQUE INDEX "support_requests_idempotency_unique" ON "support_requests" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "support_requests_confirm_token_unique" ON "support_requests" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "support_requests_municipality_idx" ON "support_requests" USING btree ("municipality_slug","status","created_at");--> statement-breakpoint
CREATE INDEX "support_requests_assignee_idx" ON "support_requests" USING btree ("assignee_user_id","status");--> statement-breakpoint
CREATE INDEX "support_requests_partner_idx" ON "support_requests" USING btree ("partner_organisation_id","status");--> statement-breakpoint
CREATE INDEX "support_requests_requester_idx" ON "support_requests" USING btree ("requester_user_id");--> statement-breakpoint
CREATE INDEX "support_requests_email_idx" ON "support_requests" USING btree ("requester_email");--> statement-breakpoint
CREATE INDEX "support_requests_organisation_idx" ON "support_requests" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "support_requests_closed_idx" ON "support_requests" USING btree ("closed_at") WHERE anonymised_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "support_routing_rules_unique" ON "support_routing_rules" USING btree ("municipality_slug","topic");--> statement-breakpoint
CREATE UNIQUE INDEX "stories_slug_unique" ON "stories" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "stories_published_idx" ON "stories" USING btree ("published_at" DESC NULLS LAST,"id") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "story_organisations_org_idx" ON "story_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisations_pub_search_filters_idx" ON "organisations" USING gin ("search_vector","summary_vector","name_vector","theme_slugs","sdgs","certification_codes","municipality_slug","name_bucket","newest_bucket") WHERE status = 'published';