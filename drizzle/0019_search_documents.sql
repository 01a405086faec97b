CREATE TABLE "search_documents" (
	"kind" text NOT NULL,
	"source_id" integer NOT NULL,
	"statement_id" integer,
	"recommendation_id" integer,
	"date" date,
	"title_en" text DEFAULT '' NOT NULL,
	"title_es" text DEFAULT '' NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"body_es" text DEFAULT '' NOT NULL,
	"names" text DEFAULT '' NOT NULL,
	"tsv_en" "tsvector" NOT NULL,
	"tsv_es" "tsvector" NOT NULL,
	CONSTRAINT "search_documents_kind_source_id_pk" PRIMARY KEY("kind","source_id"),
	CONSTRAINT "search_documents_kind" CHECK ("search_documents"."kind" in ('statement', 'recommendation', 'release', 'organization', 'followup_response', 'followup_status_update'))
);
--> statement-breakpoint
CREATE INDEX "search_documents_tsv_en_idx" ON "search_documents" USING gin ("tsv_en");--> statement-breakpoint
CREATE INDEX "search_documents_tsv_es_idx" ON "search_documents" USING gin ("tsv_es");--> statement-breakpoint
CREATE INDEX "search_documents_names_trgm_idx" ON "search_documents" USING gin ("names" gin_trgm_ops) WHERE "search_documents"."names" <> '';--> statement-breakpoint
CREATE INDEX "search_documents_statement_idx" ON "search_documents" USING btree ("statement_id");--> statement-breakpoint
-- Search (src/platform/db/schema/search.ts). Text search configurations that fold accents before
-- stemming, so "titulo" and "Título" meet; the built-in english/spanish stemmers do the rest.
CREATE TEXT SEARCH CONFIGURATION "puente_english" (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION "puente_english" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION "puente_spanish" (COPY = spanish);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION "puente_spanish" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;--> statement-breakpoint
-- Markdown as plain words for excerpts: link targets dropped, markup characters removed.
CREATE FUNCTION "search_plain"(md text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT btrim(regexp_replace(regexp_replace(coalesce(md, ''), '\]\([^)]*\)', ']', 'g'), '[#*_>`\[\]|]+', '', 'g'))
$$;--> statement-breakpoint
-- One language's text of a LocalizedText value ('' when missing).
CREATE FUNCTION "search_text"(value jsonb, locale text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(value -> locale ->> 'text', '')
$$;--> statement-breakpoint
-- Rewrites the rows of one kind for these source ids (null: every row of that kind), from the sources.
CREATE FUNCTION "search_refresh"(doc_kind text, ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NOT NULL AND cardinality(ids) = 0 THEN RETURN; END IF;
  DELETE FROM search_documents WHERE kind = doc_kind AND (ids IS NULL OR source_id = ANY (ids));
  IF doc_kind = 'statement' THEN
    INSERT INTO search_documents (kind, source_id, statement_id, date, title_en, title_es, body_en, body_es, tsv_en, tsv_es)
    SELECT 'statement', s.id, s.id, s.date, te, tes, be, bes,
      setweight(to_tsvector('puente_english', te), 'A') || setweight(to_tsvector('puente_english', be), 'B'),
      setweight(to_tsvector('puente_spanish', tes), 'A') || setweight(to_tsvector('puente_spanish', bes), 'B')
    FROM statements s,
      LATERAL (SELECT search_text(s.title, 'en') AS te, search_text(s.title, 'es') AS tes,
        concat_ws(E'\n', nullif(search_text(s.summary, 'en'), ''), nullif(search_text(s.occasion, 'en'), ''), nullif(search_plain(search_text(s.body, 'en')), '')) AS be,
        concat_ws(E'\n', nullif(search_text(s.summary, 'es'), ''), nullif(search_text(s.occasion, 'es'), ''), nullif(search_plain(search_text(s.body, 'es')), '')) AS bes) x
    WHERE ids IS NULL OR s.id = ANY (ids);
    -- A recommendation is dated by its statement.
    UPDATE search_documents d SET date = s.date FROM statements s
    WHERE d.kind = 'recommendation' AND d.statement_id = s.id AND d.date IS DISTINCT FROM s.date
      AND (ids IS NULL OR s.id = ANY (ids));
  ELSIF doc_kind = 'recommendation' THEN
    INSERT INTO search_documents (kind, source_id, statement_id, recommendation_id, date, body_en, body_es, tsv_en, tsv_es)
    SELECT 'recommendation', r.id, r.statement_id, r.id, s.date, search_text(r.text, 'en'), search_text(r.text, 'es'),
      setweight(to_tsvector('puente_english', search_text(r.text, 'en')), 'B'),
      setweight(to_tsvector('puente_spanish', search_text(r.text, 'es')), 'B')
    FROM recommendations r JOIN statements s ON s.id = r.statement_id
    WHERE ids IS NULL OR r.id = ANY (ids);
  ELSIF doc_kind = 'release' THEN
    INSERT INTO search_documents (kind, source_id, date, title_en, title_es, body_en, body_es, tsv_en, tsv_es)
    SELECT 'release', r.id, r.release_date, te, tes, be, bes,
      setweight(to_tsvector('puente_english', te), 'A') || setweight(to_tsvector('puente_english', be), 'B'),
      setweight(to_tsvector('puente_spanish', tes), 'A') || setweight(to_tsvector('puente_spanish', bes), 'B')
    FROM releases r,
      LATERAL (SELECT search_text(r.headline, 'en') AS te, search_text(r.headline, 'es') AS tes,
        concat_ws(E'\n', nullif(search_text(r.subheadline, 'en'), ''), nullif(search_plain(search_text(r.lead, 'en')), ''),
          (SELECT string_agg(search_plain(search_text(b.text, 'en')), E'\n' ORDER BY b.position) FROM release_blocks b WHERE b.release_id = r.id)) AS be,
        concat_ws(E'\n', nullif(search_text(r.subheadline, 'es'), ''), nullif(search_plain(search_text(r.lead, 'es')), ''),
          (SELECT string_agg(search_plain(search_text(b.text, 'es')), E'\n' ORDER BY b.position) FROM release_blocks b WHERE b.release_id = r.id)) AS bes) x
    WHERE ids IS NULL OR r.id = ANY (ids);
  ELSIF doc_kind = 'organization' THEN
    -- Names in every form (own name, per language, acronym, aliases) weigh most, in both languages.
    INSERT INTO search_documents (kind, source_id, title_en, title_es, body_en, body_es, names, tsv_en, tsv_es)
    SELECT 'organization', o.id, te, tes, search_text(o.boilerplate, 'en'), search_text(o.boilerplate, 'es'),
      lower(unaccent(allnames)),
      setweight(to_tsvector('puente_english', allnames), 'A') || setweight(to_tsvector('puente_english', search_text(o.boilerplate, 'en')), 'B'),
      setweight(to_tsvector('puente_spanish', allnames), 'A') || setweight(to_tsvector('puente_spanish', search_text(o.boilerplate, 'es')), 'B')
    FROM organizations o,
      LATERAL (SELECT coalesce(nullif(search_text(o.localized_name, 'en'), ''), o.name) AS te,
        coalesce(nullif(search_text(o.localized_name, 'es'), ''), o.name) AS tes,
        concat_ws(' ', o.name, o.acronym, search_text(o.localized_name, 'en'), search_text(o.localized_name, 'es'),
          array_to_string(o.aliases, ' ')) AS allnames) x
    WHERE ids IS NULL OR o.id = ANY (ids);
  ELSIF doc_kind = 'followup_response' THEN
    INSERT INTO search_documents (kind, source_id, statement_id, recommendation_id, date, body_en, body_es, tsv_en, tsv_es)
    SELECT 'followup_response', f.id, r.statement_id, f.recommendation_id, f.date,
      concat_ws(E'\n', nullif(search_text(f.summary, 'en'), ''), f.source_title),
      concat_ws(E'\n', nullif(search_text(f.summary, 'es'), ''), f.source_title),
      setweight(to_tsvector('puente_english', concat_ws(E'\n', search_text(f.summary, 'en'), f.source_title)), 'B'),
      setweight(to_tsvector('puente_spanish', concat_ws(E'\n', search_text(f.summary, 'es'), f.source_title)), 'B')
    FROM followup_responses f JOIN recommendations r ON r.id = f.recommendation_id
    WHERE ids IS NULL OR f.id = ANY (ids);
  ELSIF doc_kind = 'followup_status_update' THEN
    INSERT INTO search_documents (kind, source_id, statement_id, recommendation_id, date, body_en, body_es, tsv_en, tsv_es)
    SELECT 'followup_status_update', f.id, f.statement_id, f.recommendation_id, f.date,
      search_text(f.summary, 'en'), search_text(f.summary, 'es'),
      setweight(to_tsvector('puente_english', search_text(f.summary, 'en')), 'B'),
      setweight(to_tsvector('puente_spanish', search_text(f.summary, 'es')), 'B')
    FROM followup_status_updates f
    WHERE ids IS NULL OR f.id = ANY (ids);
  END IF;
END
$$;--> statement-breakpoint
-- Every kind from scratch: after this migration, and after bulk loads that turn triggers off.
CREATE FUNCTION "search_documents_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_refresh(k, NULL) FROM unnest(array['statement', 'recommendation', 'release', 'organization',
    'followup_response', 'followup_status_update']) k;
END
$$;--> statement-breakpoint
-- The triggers: one per table and event, per statement, reading the changed rows from transition tables,
-- so a bulk insert costs one set-based refresh rather than one per row. TG_ARGV[0] is the kind,
-- TG_ARGV[1] the column holding its source id.
CREATE FUNCTION "search_source_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed integer[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', TG_ARGV[1]) INTO changed;
  ELSE
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', TG_ARGV[1]) INTO changed;
  END IF;
  PERFORM search_refresh(TG_ARGV[0], coalesce(changed, '{}'));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "search_inserted" AFTER INSERT ON "statements" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('statement', 'id');--> statement-breakpoint
CREATE TRIGGER "search_updated" AFTER UPDATE ON "statements" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('statement', 'id');--> statement-breakpoint
CREATE TRIGGER "search_deleted" AFTER DELETE ON "statements" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('statement', 'id');--> statement-breakpoint
CREATE TRIGGER "search_inserted" AFTER INSERT ON "recommendations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('recommendation', 'id');--> statement-breakpoint
CREATE TRIGGER "search_updated" AFTER UPDATE ON "recommendations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('recommendation', 'id');--> statement-breakpoint
CREATE TRIGGER "search_deleted" AFTER DELETE ON "recommendations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('recommendation', 'id');--> statement-breakpoint
CREATE TRIGGER "search_inserted" AFTER INSERT ON "releases" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('release', 'id');--> statement-breakpoint
CREATE TRIGGER "search_updated" AFTER UPDATE ON "releases" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('release', 'id');--> statement-breakpoint
CREATE TRIGGER "search_deleted" AFTER DELETE ON "releases" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('release', 'id');--> statement-breakpoint
CREATE TRIGGER "search_inserted" AFTER INSERT ON "release_blocks" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('release', 'release_id');--> statement-breakpoint
CREATE TRIGGER "search_updated" AFTER UPDATE ON "release_blocks" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('release', 'release_id');--> statement-breakpoint
CREATE TRIGGER "search_deleted" AFTER DELETE ON "release_blocks" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('release', 'release_id');--> statement-breakpoint
CREATE TRIGGER "search_inserted" AFTER INSERT ON "organizations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('organization', 'id');--> statement-breakpoint
CREATE TRIGGER "search_updated" AFTER UPDATE ON "organizations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('organization', 'id');--> statement-breakpoint
CREATE TRIGGER "search_deleted" AFTER DELETE ON "organizations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('organization', 'id');--> statement-breakpoint
CREATE TRIGGER "search_inserted" AFTER INSERT ON "followup_responses" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('followup_response', 'id');--> statement-breakpoint
CREATE TRIGGER "search_updated" AFTER UPDATE ON "followup_responses" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('followup_response', 'id');--> statement-breakpoint
CREATE TRIGGER "search_deleted" AFTER DELETE ON "followup_responses" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('followup_response', 'id');--> statement-breakpoint
CREATE TRIGGER "search_inserted" AFTER INSERT ON "followup_status_updates" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('followup_status_update', 'id');--> statement-breakpoint
CREATE TRIGGER "search_updated" AFTER UPDATE ON "followup_status_updates" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('followup_status_update', 'id');--> statement-breakpoint
CREATE TRIGGER "search_deleted" AFTER DELETE ON "followup_status_updates" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_source_changed"('followup_status_update', 'id');--> statement-breakpoint
SELECT search_documents_rebuild();
