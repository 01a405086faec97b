DROP INDEX "search_documents_tsv_en_idx";--> statement-breakpoint
DROP INDEX "search_documents_tsv_es_idx";--> statement-breakpoint
DROP INDEX "search_documents_names_trgm_idx";--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "public_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "public_until" timestamp with time zone;--> statement-breakpoint
-- When the public may find each row (src/features/search/public-windows.ts): platform/visibility.ts's rule,
-- rendered from its own SQL conditions. When the rule changes, a test fails until a new migration installs
-- this function again (its text is printed by publicWindowsFunctionSql()).
CREATE OR REPLACE FUNCTION "search_public_windows"(doc_kind text, ids integer[])
RETURNS TABLE (source_id integer, public_from timestamptz, public_until timestamptz) LANGUAGE plpgsql STABLE AS $$
-- Rendered from platform/visibility.ts by src/features/search/public-windows.ts: never edit by hand.
BEGIN
  IF doc_kind = 'statement' THEN
    RETURN QUERY SELECT "statements"."id", (select min(visibility_change.at) from unnest(array['-infinity', "statements"."embargo_until", "statements"."withdrawn_at"]::timestamptz[]) as visibility_change(at) where ("statements"."status" = 'published' and ("statements"."embargo_until" is null or "statements"."embargo_until" <= visibility_change.at) and ("statements"."withdrawn_at" is null or "statements"."withdrawn_at" > visibility_change.at))), (select min(visibility_change.at) from unnest(array["statements"."embargo_until", "statements"."withdrawn_at"]::timestamptz[]) as visibility_change(at) where visibility_change.at > (select min(visibility_change.at) from unnest(array['-infinity', "statements"."embargo_until", "statements"."withdrawn_at"]::timestamptz[]) as visibility_change(at) where ("statements"."status" = 'published' and ("statements"."embargo_until" is null or "statements"."embargo_until" <= visibility_change.at) and ("statements"."withdrawn_at" is null or "statements"."withdrawn_at" > visibility_change.at))) and (("statements"."status" = 'published' and ("statements"."embargo_until" is null or "statements"."embargo_until" <= visibility_change.at) and ("statements"."withdrawn_at" is null or "statements"."withdrawn_at" > visibility_change.at))) is not true)
      FROM "statements"
      WHERE ids IS NULL OR "statements"."id" = ANY (ids);
  ELSIF doc_kind = 'recommendation' THEN
    RETURN QUERY SELECT "recommendations"."id", (select min(visibility_change.at) from unnest(array['-infinity', "statements"."embargo_until", "statements"."withdrawn_at"]::timestamptz[]) as visibility_change(at) where ("statements"."status" = 'published' and ("statements"."embargo_until" is null or "statements"."embargo_until" <= visibility_change.at) and ("statements"."withdrawn_at" is null or "statements"."withdrawn_at" > visibility_change.at))), (select min(visibility_change.at) from unnest(array["statements"."embargo_until", "statements"."withdrawn_at"]::timestamptz[]) as visibility_change(at) where visibility_change.at > (select min(visibility_change.at) from unnest(array['-infinity', "statements"."embargo_until", "statements"."withdrawn_at"]::timestamptz[]) as visibility_change(at) where ("statements"."status" = 'published' and ("statements"."embargo_until" is null or "statements"."embargo_until" <= visibility_change.at) and ("statements"."withdrawn_at" is null or "statements"."withdrawn_at" > visibility_change.at))) and (("statements"."status" = 'published' and ("statements"."embargo_until" is null or "statements"."embargo_until" <= visibility_change.at) and ("statements"."withdrawn_at" is null or "statements"."withdrawn_at" > visibility_change.at))) is not true)
      FROM "recommendations" join "statements" on "statements"."id" = "recommendations"."statement_id"
      WHERE ids IS NULL OR "recommendations"."id" = ANY (ids);
  ELSIF doc_kind = 'release' THEN
    RETURN QUERY SELECT "releases"."id", (select min(visibility_change.at) from unnest(array['-infinity', "releases"."embargoed_until", "releases"."withdrawn_at", "statements"."embargo_until", "statements"."withdrawn_at"]::timestamptz[]) as visibility_change(at) where ("releases"."status" = 'published' and ("releases"."embargoed_until" is null or "releases"."embargoed_until" <= visibility_change.at) and ("releases"."withdrawn_at" is null or "releases"."withdrawn_at" > visibility_change.at) and ("releases"."statement_id" is null or exists (select 1 from "statements" where "statements"."id" = "releases"."statement_id" and ("statements"."status" = 'published' and ("statements"."embargo_until" is null or "statements"."embargo_until" <= visibility_change.at) and ("statements"."withdrawn_at" is null or "statements"."withdrawn_at" > visibility_change.at)))))), (select min(visibility_change.at) from unnest(array["releases"."embargoed_until", "releases"."withdrawn_at", "statements"."embargo_until", "statements"."withdrawn_at"]::timestamptz[]) as visibility_change(at) where visibility_change.at > (select min(visibility_change.at) from unnest(array['-infinity', "releases"."embargoed_until", "releases"."withdrawn_at", "statements"."embargo_until", "statements"."withdrawn_at"]::timestamptz[]) as visibility_change(at) where ("releases"."status" = 'published' and ("releases"."embargoed_until" is null or "releases"."embargoed_until" <= visibility_change.at) and ("releases"."withdrawn_at" is null or "releases"."withdrawn_at" > visibility_change.at) and ("releases"."statement_id" is null or exists (select 1 from "statements" where "statements"."id" = "releases"."statement_id" and ("statements"."status" = 'published' and ("statements"."embargo_until" is null or "statements"."embargo_until" <= visibility_change.at) and ("statements"."withdrawn_at" is null or "statements"."withdrawn_at" > visibility_change.at)))))) and (("releases"."status" = 'published' and ("releases"."embargoed_until" is null or "releases"."embargoed_until" <= visibility_change.at) and ("releases"."withdrawn_at" is null or "releases"."withdrawn_at" > visibility_change.at) and ("releases"."statement_id" is null or exists (select 1 from "statements" where "statements"."id" = "releases"."statement_id" and ("statements"."status" = 'published' and ("statements"."embargo_until" is null or "statements"."embargo_until" <= visibility_change.at) and ("statements"."withdrawn_at" is null or "statements"."withdrawn_at" > visibility_change.at)))))) is not true)
      FROM "releases" left join "statements" on "statements"."id" = "releases"."statement_id"
      WHERE ids IS NULL OR "releases"."id" = ANY (ids);
  ELSIF doc_kind = 'organization' THEN
    RETURN QUERY SELECT "organizations"."id", (select min(visibility_change.at) from unnest(array['-infinity']::timestamptz[]) as visibility_change(at) where "organizations"."archived_at" is null), (select min(visibility_change.at) from unnest(array[]::timestamptz[]) as visibility_change(at) where visibility_change.at > (select min(visibility_change.at) from unnest(array['-infinity']::timestamptz[]) as visibility_change(at) where "organizations"."archived_at" is null) and ("organizations"."archived_at" is null) is not true)
      FROM "organizations"
      WHERE ids IS NULL OR "organizations"."id" = ANY (ids);
  ELSIF doc_kind = 'followup_response' THEN
    RETURN QUERY SELECT "followup_responses"."id", (select min(visibility_change.at) from unnest(array['-infinity', "statements"."embargo_until", "statements"."withdrawn_at"]::timestamptz[]) as visibility_change(at) where ("followup_responses"."publication" = 'published' and ("statements"."status" = 'published' and ("statements"."embargo_until" is null or "statements"."embargo_until" <= visibility_change.at) and ("statements"."withdrawn_at" is null or "statements"."withdrawn_at" > visibility_change.at)))), (select min(visibility_change.at) from unnest(array["statements"."embargo_until", "statements"."withdrawn_at"]::timestamptz[]) as visibility_change(at) where visibility_change.at > (select min(visibility_change.at) from unnest(array['-infinity', "statements"."embargo_until", "statements"."withdrawn_at"]::timestamptz[]) as visibility_change(at) where ("followup_responses"."publication" = 'published' and ("statements"."status" = 'published' and ("statements"."embargo_until" is null or "statements"."embargo_until" <= visibility_change.at) and ("statements"."withdrawn_at" is null or "statements"."withdrawn_at" > visibility_change.at)))) and (("followup_responses"."publication" = 'published' and ("statements"."status" = 'published' and ("statements"."embargo_until" is null or "statements"."embargo_until" <= visibility_change.at) and ("statements"."withdrawn_at" is null or "statements"."withdrawn_at" > visibility_change.at)))) is not true)
      FROM "followup_responses" join "recommendations" on "recommendations"."id" = "followup_responses"."recommendation_id"
      join "statements" on "statements"."id" = "recommendations"."statement_id"
      WHERE ids IS NULL OR "followup_responses"."id" = ANY (ids);
  ELSIF doc_kind = 'followup_status_update' THEN
    RETURN QUERY SELECT "followup_status_updates"."id", (select min(visibility_change.at) from unnest(array['-infinity', "statements"."embargo_until", "statements"."withdrawn_at"]::timestamptz[]) as visibility_change(at) where ("followup_status_updates"."publication" = 'published' and ("statements"."status" = 'published' and ("statements"."embargo_until" is null or "statements"."embargo_until" <= visibility_change.at) and ("statements"."withdrawn_at" is null or "statements"."withdrawn_at" > visibility_change.at)))), (select min(visibility_change.at) from unnest(array["statements"."embargo_until", "statements"."withdrawn_at"]::timestamptz[]) as visibility_change(at) where visibility_change.at > (select min(visibility_change.at) from unnest(array['-infinity', "statements"."embargo_until", "statements"."withdrawn_at"]::timestamptz[]) as visibility_change(at) where ("followup_status_updates"."publication" = 'published' and ("statements"."status" = 'published' and ("statements"."embargo_until" is null or "statements"."embargo_until" <= visibility_change.at) and ("statements"."withdrawn_at" is null or "statements"."withdrawn_at" > visibility_change.at)))) and (("followup_status_updates"."publication" = 'published' and ("statements"."status" = 'published' and ("statements"."embargo_until" is null or "statements"."embargo_until" <= visibility_change.at) and ("statements"."withdrawn_at" is null or "statements"."withdrawn_at" > visibility_change.at)))) is not true)
      FROM "followup_status_updates" join "statements" on "statements"."id" = "followup_status_updates"."statement_id"
      WHERE ids IS NULL OR "followup_status_updates"."id" = ANY (ids);
  END IF;
END
$$;--> statement-breakpoint
-- Rewrites the spans of one kind's rows for these source ids (null: all), where they changed.
CREATE FUNCTION "search_update_windows"(doc_kind text, ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE search_documents d SET public_from = w.public_from, public_until = w.public_until
  FROM search_public_windows(doc_kind, ids) w
  WHERE d.kind = doc_kind AND d.source_id = w.source_id
    AND (d.public_from, d.public_until) IS DISTINCT FROM (w.public_from, w.public_until)
$$;--> statement-breakpoint
-- As in migration search_documents, with each row's span written with it, and a statement's change
-- carried to the rows whose visibility follows it.
CREATE OR REPLACE FUNCTION "search_refresh"(doc_kind text, ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NOT NULL AND cardinality(ids) = 0 THEN RETURN; END IF;
  DELETE FROM search_documents WHERE kind = doc_kind AND (ids IS NULL OR source_id = ANY (ids));
  IF doc_kind = 'statement' THEN
    INSERT INTO search_documents (kind, source_id, statement_id, date, title_en, title_es, body_en, body_es, tsv_en, tsv_es, public_from, public_until)
    SELECT 'statement', s.id, s.id, s.date, te, tes, be, bes,
      setweight(to_tsvector('puente_english', te), 'A') || setweight(to_tsvector('puente_english', be), 'B'),
      setweight(to_tsvector('puente_spanish', tes), 'A') || setweight(to_tsvector('puente_spanish', bes), 'B'),
      w.public_from, w.public_until
    FROM statements s JOIN search_public_windows('statement', ids) w ON w.source_id = s.id,
      LATERAL (SELECT search_text(s.title, 'en') AS te, search_text(s.title, 'es') AS tes,
        concat_ws(E'\n', nullif(search_text(s.summary, 'en'), ''), nullif(search_text(s.occasion, 'en'), ''), nullif(search_plain(search_text(s.body, 'en')), '')) AS be,
        concat_ws(E'\n', nullif(search_text(s.summary, 'es'), ''), nullif(search_text(s.occasion, 'es'), ''), nullif(search_plain(search_text(s.body, 'es')), '')) AS bes) x
    WHERE ids IS NULL OR s.id = ANY (ids);
    -- A recommendation is dated by its statement.
    UPDATE search_documents d SET date = s.date FROM statements s
    WHERE d.kind = 'recommendation' AND d.statement_id = s.id AND d.date IS DISTINCT FROM s.date
      AND (ids IS NULL OR s.id = ANY (ids));
    -- Recommendations, their follow-up entries and the releases presenting these statements are public
    -- only with them: their spans follow.
    PERFORM search_update_windows('recommendation', CASE WHEN ids IS NOT NULL THEN
      ARRAY(SELECT r.id FROM recommendations r WHERE r.statement_id = ANY (ids)) END);
    PERFORM search_update_windows('release', CASE WHEN ids IS NOT NULL THEN
      ARRAY(SELECT r.id FROM releases r WHERE r.statement_id = ANY (ids)) END);
    PERFORM search_update_windows('followup_response', CASE WHEN ids IS NOT NULL THEN
      ARRAY(SELECT f.id FROM followup_responses f JOIN recommendations r ON r.id = f.recommendation_id WHERE r.statement_id = ANY (ids)) END);
    PERFORM search_update_windows('followup_status_update', CASE WHEN ids IS NOT NULL THEN
      ARRAY(SELECT f.id FROM followup_status_updates f WHERE f.statement_id = ANY (ids)) END);
  ELSIF doc_kind = 'recommendation' THEN
    INSERT INTO search_documents (kind, source_id, statement_id, recommendation_id, date, body_en, body_es, tsv_en, tsv_es, public_from, public_until)
    SELECT 'recommendation', r.id, r.statement_id, r.id, s.date, search_text(r.text, 'en'), search_text(r.text, 'es'),
      setweight(to_tsvector('puente_english', search_text(r.text, 'en')), 'B'),
      setweight(to_tsvector('puente_spanish', search_text(r.text, 'es')), 'B'),
      w.public_from, w.public_until
    FROM recommendations r JOIN statements s ON s.id = r.statement_id
      JOIN search_public_windows('recommendation', ids) w ON w.source_id = r.id
    WHERE ids IS NULL OR r.id = ANY (ids);
  ELSIF doc_kind = 'release' THEN
    INSERT INTO search_documents (kind, source_id, date, title_en, title_es, body_en, body_es, tsv_en, tsv_es, public_from, public_until)
    SELECT 'release', r.id, r.release_date, te, tes, be, bes,
      setweight(to_tsvector('puente_english', te), 'A') || setweight(to_tsvector('puente_english', be), 'B'),
      setweight(to_tsvector('puente_spanish', tes), 'A') || setweight(to_tsvector('puente_spanish', bes), 'B'),
      w.public_from, w.public_until
    FROM releases r JOIN search_public_windows('release', ids) w ON w.source_id = r.id,
      LATERAL (SELECT search_text(r.headline, 'en') AS te, search_text(r.headline, 'es') AS tes,
        concat_ws(E'\n', nullif(search_text(r.subheadline, 'en'), ''), nullif(search_plain(search_text(r.lead, 'en')), ''),
          (SELECT string_agg(search_plain(search_text(b.text, 'en')), E'\n' ORDER BY b.position) FROM release_blocks b WHERE b.release_id = r.id)) AS be,
        concat_ws(E'\n', nullif(search_text(r.subheadline, 'es'), ''), nullif(search_plain(search_text(r.lead, 'es')), ''),
          (SELECT string_agg(search_plain(search_text(b.text, 'es')), E'\n' ORDER BY b.position) FROM release_blocks b WHERE b.release_id = r.id)) AS bes) x
    WHERE ids IS NULL OR r.id = ANY (ids);
  ELSIF doc_kind = 'organization' THEN
    -- Names in every form (own name, per language, acronym, aliases) weigh most, in both languages.
    INSERT INTO search_documents (kind, source_id, title_en, title_es, body_en, body_es, names, tsv_en, tsv_es, public_from, public_until)
    SELECT 'organization', o.id, te, tes, search_text(o.boilerplate, 'en'), search_text(o.boilerplate, 'es'),
      lower(unaccent(allnames)),
      setweight(to_tsvector('puente_english', allnames), 'A') || setweight(to_tsvector('puente_english', search_text(o.boilerplate, 'en')), 'B'),
      setweight(to_tsvector('puente_spanish', allnames), 'A') || setweight(to_tsvector('puente_spanish', search_text(o.boilerplate, 'es')), 'B'),
      w.public_from, w.public_until
    FROM organizations o JOIN search_public_windows('organization', ids) w ON w.source_id = o.id,
      LATERAL (SELECT coalesce(nullif(search_text(o.localized_name, 'en'), ''), o.name) AS te,
        coalesce(nullif(search_text(o.localized_name, 'es'), ''), o.name) AS tes,
        concat_ws(' ', o.name, o.acronym, search_text(o.localized_name, 'en'), search_text(o.localized_name, 'es'),
          array_to_string(o.aliases, ' ')) AS allnames) x
    WHERE ids IS NULL OR o.id = ANY (ids);
  ELSIF doc_kind = 'followup_response' THEN
    INSERT INTO search_documents (kind, source_id, statement_id, recommendation_id, date, body_en, body_es, tsv_en, tsv_es, public_from, public_until)
    SELECT 'followup_response', f.id, r.statement_id, f.recommendation_id, f.date,
      concat_ws(E'\n', nullif(search_text(f.summary, 'en'), ''), f.source_title),
      concat_ws(E'\n', nullif(search_text(f.summary, 'es'), ''), f.source_title),
      setweight(to_tsvector('puente_english', concat_ws(E'\n', search_text(f.summary, 'en'), f.source_title)), 'B'),
      setweight(to_tsvector('puente_spanish', concat_ws(E'\n', search_text(f.summary, 'es'), f.source_title)), 'B'),
      w.public_from, w.public_until
    FROM followup_responses f JOIN recommendations r ON r.id = f.recommendation_id
      JOIN search_public_windows('followup_response', ids) w ON w.source_id = f.id
    WHERE ids IS NULL OR f.id = ANY (ids);
  ELSIF doc_kind = 'followup_status_update' THEN
    INSERT INTO search_documents (kind, source_id, statement_id, recommendation_id, date, body_en, body_es, tsv_en, tsv_es, public_from, public_until)
    SELECT 'followup_status_update', f.id, f.statement_id, f.recommendation_id, f.date,
      search_text(f.summary, 'en'), search_text(f.summary, 'es'),
      setweight(to_tsvector('puente_english', search_text(f.summary, 'en')), 'B'),
      setweight(to_tsvector('puente_spanish', search_text(f.summary, 'es')), 'B'),
      w.public_from, w.public_until
    FROM followup_status_updates f JOIN search_public_windows('followup_status_update', ids) w ON w.source_id = f.id
    WHERE ids IS NULL OR f.id = ANY (ids);
  END IF;
END
$$;--> statement-breakpoint
SELECT search_update_windows(k, NULL) FROM unnest(array['statement', 'recommendation', 'release', 'organization',
  'followup_response', 'followup_status_update']) k;--> statement-breakpoint
-- The indexes are built after the spans are written: one build each, rather than an update per row.
CREATE INDEX "search_documents_titled_tsv_en_idx" ON "search_documents" USING gin ("tsv_en") WITH (fastupdate=false) WHERE "search_documents"."kind" in ('statement', 'release', 'organization');--> statement-breakpoint
CREATE INDEX "search_documents_entries_tsv_en_idx" ON "search_documents" USING gin ("tsv_en") WITH (fastupdate=false) WHERE "search_documents"."kind" in ('recommendation', 'followup_response', 'followup_status_update');--> statement-breakpoint
CREATE INDEX "search_documents_titled_tsv_es_idx" ON "search_documents" USING gin ("tsv_es") WITH (fastupdate=false) WHERE "search_documents"."kind" in ('statement', 'release', 'organization');--> statement-breakpoint
CREATE INDEX "search_documents_entries_tsv_es_idx" ON "search_documents" USING gin ("tsv_es") WITH (fastupdate=false) WHERE "search_documents"."kind" in ('recommendation', 'followup_response', 'followup_status_update');--> statement-breakpoint
CREATE INDEX "search_documents_dated_idx" ON "search_documents" USING btree ("date") WHERE "search_documents"."kind" in ('statement', 'release');--> statement-breakpoint
CREATE INDEX "search_documents_names_trgm_idx" ON "search_documents" USING gin ("names" gin_trgm_ops) WITH (fastupdate=false) WHERE "search_documents"."names" <> '';
