DROP INDEX "organisations_pub_search_idx";--> statement-breakpoint
DROP INDEX "organisations_pub_name_vector_idx";--> statement-breakpoint
DROP INDEX "organisations_pub_summary_vector_idx";--> statement-breakpoint
DROP INDEX "organisations_pub_themes_idx";--> statement-breakpoint
DROP INDEX "organisations_pub_sdgs_idx";--> statement-breakpoint
DROP INDEX "organisations_pub_certifications_idx";--> statement-breakpoint
CREATE INDEX "organisations_pub_search_filters_idx" ON "organisations" USING gin ("search_vector","summary_vector","name_vector","theme_slugs","sdgs","certification_codes","municipality_slug") WHERE status = 'published';