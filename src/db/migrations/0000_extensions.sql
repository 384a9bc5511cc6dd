CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- unaccent() is only STABLE; an IMMUTABLE wrapper with a fixed dictionary can be used in generated columns and indexes.
CREATE OR REPLACE FUNCTION ir_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- array_to_string() is only STABLE (other element types print by settings); for text[] it is fixed, so the
-- directory search columns can use this IMMUTABLE wrapper: theme slugs become words ("zorg-en-welzijn" -> "zorg en welzijn").
CREATE OR REPLACE FUNCTION ir_slug_words(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT replace(array_to_string($1, ' '), '-', ' ') $$;
