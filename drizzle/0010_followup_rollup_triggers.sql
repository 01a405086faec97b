-- Follow-up dashboard rollup (schema-followup-rollup.ts): kept by triggers so that writes from any
-- feature (follow-up editor, statement editor, demo loader, imports) keep it true.
-- followup_rollup_refresh(ids) recomputes the cells of the given statements from the base tables and
-- moves the published ones' difference into followup_rollup; it is idempotent, so the order in which
-- triggers of one write fire does not matter.
CREATE FUNCTION followup_rollup_refresh(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- One refresh at a time: concurrent writers would otherwise lock the shared total rows in different
  -- orders and could deadlock. Follow-up writes are rare (editors), so queueing them costs nothing.
  PERFORM pg_advisory_xact_lock(hashtext('followup_rollup'));
  WITH old AS (
    DELETE FROM followup_rollup_statements WHERE statement_id = ANY(ids)
    RETURNING theme_id, addressee_id, country, status, published, n, answered, accepted
  ), removed AS (
    SELECT theme_id, addressee_id, country, status, sum(n)::int AS n, sum(answered)::int AS answered,
      sum(accepted)::int AS accepted
    FROM old WHERE published GROUP BY 1, 2, 3, 4
  )
  UPDATE followup_rollup g
  SET n = g.n - removed.n, answered = g.answered - removed.answered, accepted = g.accepted - removed.accepted
  FROM removed
  WHERE g.theme_id = removed.theme_id AND g.addressee_id = removed.addressee_id
    AND g.country = removed.country AND g.status = removed.status;

  INSERT INTO followup_rollup_statements
    (statement_id, theme_id, addressee_id, country, status, published, n, answered, accepted)
  WITH recs AS (
    SELECT r.id, r.statement_id, coalesce(su.status::text, 'none') AS status, s.status = 'published' AS published
    FROM recommendations r
    JOIN statements s ON s.id = r.statement_id
    LEFT JOIN followup_status_updates su ON su.recommendation_id = r.id AND su.is_current
    WHERE r.statement_id = ANY(ids)
  ), themed AS (
    SELECT recs.*, rt.theme_id FROM recs JOIN recommendation_themes rt ON rt.recommendation_id = recs.id
  ), addressed AS (
    -- The scorecard (scorecard.ts): answered = a published response from this addressee other than
    -- "no response yet"; accepted = its latest published response (date, then id) accepts.
    SELECT recs.*, ra.addressee_id, a.country,
      EXISTS (SELECT 1 FROM followup_responses fr WHERE fr.recommendation_id = recs.id
        AND fr.addressee_id = ra.addressee_id AND fr.publication = 'published' AND fr.position <> 'no_response') AS answered,
      coalesce((SELECT fr.position IN ('accepted', 'partially_accepted') FROM followup_responses fr
        WHERE fr.recommendation_id = recs.id AND fr.addressee_id = ra.addressee_id AND fr.publication = 'published'
        ORDER BY fr.date DESC, fr.id DESC LIMIT 1), false) AS accepted
    FROM recs
    JOIN recommendation_addressees ra ON ra.recommendation_id = recs.id
    JOIN addressees a ON a.id = ra.addressee_id
  ), cells AS (
    SELECT id, statement_id, status, published, 0 AS theme_id, 0 AS addressee_id, '' AS country,
      false AS answered, false AS accepted FROM recs
    UNION ALL SELECT id, statement_id, status, published, theme_id, 0, '', false, false FROM themed
    UNION ALL SELECT id, statement_id, status, published, 0, addressee_id, '', answered, accepted FROM addressed
    UNION ALL SELECT id, statement_id, status, published, 0, 0, country, false, false FROM addressed
      WHERE country IS NOT NULL
    UNION ALL SELECT t.id, t.statement_id, t.status, t.published, t.theme_id, 0, a.country, false, false
      FROM themed t JOIN addressed a ON a.id = t.id WHERE a.country IS NOT NULL
    UNION ALL SELECT t.id, t.statement_id, t.status, t.published, t.theme_id, a.addressee_id, '', a.answered, a.accepted
      FROM themed t JOIN addressed a ON a.id = t.id
    -- By addressee (and scorecard) with a country filter: each addressee of a recommendation × the
    -- country of any of its addressees (the country filter selects recommendations, not addressees).
    UNION ALL SELECT a.id, a.statement_id, a.status, a.published, 0, a.addressee_id, c.country, a.answered, a.accepted
      FROM addressed a JOIN addressed c ON c.id = a.id WHERE c.country IS NOT NULL
    UNION ALL SELECT t.id, t.statement_id, t.status, t.published, t.theme_id, a.addressee_id, c.country, a.answered,
      a.accepted
      FROM themed t JOIN addressed a ON a.id = t.id JOIN addressed c ON c.id = t.id WHERE c.country IS NOT NULL
  )
  -- distinct: a recommendation addressed to two addressees of one country counts once for that country
  SELECT statement_id, theme_id, addressee_id, country, status, bool_or(published), count(DISTINCT id)::int,
    count(DISTINCT id) FILTER (WHERE answered)::int, count(DISTINCT id) FILTER (WHERE accepted)::int
  FROM cells GROUP BY statement_id, theme_id, addressee_id, country, status;

  INSERT INTO followup_rollup (theme_id, addressee_id, country, status, n, answered, accepted)
  SELECT theme_id, addressee_id, country, status, sum(n)::int, sum(answered)::int, sum(accepted)::int
  FROM followup_rollup_statements
  WHERE statement_id = ANY(ids) AND published GROUP BY 1, 2, 3, 4
  ON CONFLICT (theme_id, addressee_id, country, status) DO UPDATE
  SET n = followup_rollup.n + excluded.n, answered = followup_rollup.answered + excluded.answered,
    accepted = followup_rollup.accepted + excluded.accepted;
END
$$;
--> statement-breakpoint
CREATE FUNCTION followup_rollup_on_followup_status_updates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM followup_rollup_refresh(array(SELECT statement_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM followup_rollup_refresh(array(SELECT statement_id FROM old_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM followup_rollup_refresh(array(SELECT n.statement_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.is_current IS DISTINCT FROM o.is_current OR (n.is_current AND (n.status IS DISTINCT FROM o.status OR n.statement_id IS DISTINCT FROM o.statement_id)) UNION SELECT o.statement_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.is_current AND (n.is_current IS DISTINCT FROM o.is_current OR n.statement_id IS DISTINCT FROM o.statement_id)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER followup_status_updates_rollup_insert AFTER INSERT ON followup_status_updates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_followup_status_updates();
--> statement-breakpoint
CREATE TRIGGER followup_status_updates_rollup_update AFTER UPDATE ON followup_status_updates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_followup_status_updates();
--> statement-breakpoint
CREATE TRIGGER followup_status_updates_rollup_delete AFTER DELETE ON followup_status_updates REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_followup_status_updates();
--> statement-breakpoint
CREATE FUNCTION followup_rollup_on_recommendations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM followup_rollup_refresh(array(SELECT statement_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM followup_rollup_refresh(array(SELECT statement_id FROM old_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM followup_rollup_refresh(array(SELECT statement_id FROM new_rows UNION SELECT statement_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER recommendations_rollup_insert AFTER INSERT ON recommendations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_recommendations();
--> statement-breakpoint
CREATE TRIGGER recommendations_rollup_update AFTER UPDATE ON recommendations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_recommendations();
--> statement-breakpoint
CREATE TRIGGER recommendations_rollup_delete AFTER DELETE ON recommendations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_recommendations();
--> statement-breakpoint
CREATE FUNCTION followup_rollup_on_recommendation_themes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM followup_rollup_refresh(array(SELECT r.statement_id FROM recommendations r WHERE r.id IN (SELECT recommendation_id FROM new_rows)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM followup_rollup_refresh(array(SELECT r.statement_id FROM recommendations r WHERE r.id IN (SELECT recommendation_id FROM old_rows)));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM followup_rollup_refresh(array(SELECT r.statement_id FROM recommendations r WHERE r.id IN (SELECT recommendation_id FROM new_rows) UNION SELECT r.statement_id FROM recommendations r WHERE r.id IN (SELECT recommendation_id FROM old_rows)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER recommendation_themes_rollup_insert AFTER INSERT ON recommendation_themes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_recommendation_themes();
--> statement-breakpoint
CREATE TRIGGER recommendation_themes_rollup_update AFTER UPDATE ON recommendation_themes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_recommendation_themes();
--> statement-breakpoint
CREATE TRIGGER recommendation_themes_rollup_delete AFTER DELETE ON recommendation_themes REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_recommendation_themes();
--> statement-breakpoint
CREATE FUNCTION followup_rollup_on_recommendation_addressees() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM followup_rollup_refresh(array(SELECT r.statement_id FROM recommendations r WHERE r.id IN (SELECT recommendation_id FROM new_rows)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM followup_rollup_refresh(array(SELECT r.statement_id FROM recommendations r WHERE r.id IN (SELECT recommendation_id FROM old_rows)));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM followup_rollup_refresh(array(SELECT r.statement_id FROM recommendations r WHERE r.id IN (SELECT recommendation_id FROM new_rows) UNION SELECT r.statement_id FROM recommendations r WHERE r.id IN (SELECT recommendation_id FROM old_rows)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER recommendation_addressees_rollup_insert AFTER INSERT ON recommendation_addressees REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_recommendation_addressees();
--> statement-breakpoint
CREATE TRIGGER recommendation_addressees_rollup_update AFTER UPDATE ON recommendation_addressees REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_recommendation_addressees();
--> statement-breakpoint
CREATE TRIGGER recommendation_addressees_rollup_delete AFTER DELETE ON recommendation_addressees REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_recommendation_addressees();
--> statement-breakpoint
CREATE FUNCTION followup_rollup_on_statements() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM followup_rollup_refresh(array(SELECT id FROM old_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM followup_rollup_refresh(array(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.status IS DISTINCT FROM o.status));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER statements_rollup_update AFTER UPDATE ON statements REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_statements();
--> statement-breakpoint
CREATE TRIGGER statements_rollup_delete AFTER DELETE ON statements REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_statements();
--> statement-breakpoint
CREATE FUNCTION followup_rollup_on_addressees() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM followup_rollup_refresh(array(SELECT r.statement_id FROM recommendations r JOIN recommendation_addressees ra ON ra.recommendation_id = r.id WHERE ra.addressee_id IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.country IS DISTINCT FROM o.country)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER addressees_rollup_update AFTER UPDATE ON addressees REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_addressees();
--> statement-breakpoint
CREATE FUNCTION followup_rollup_on_followup_responses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM followup_rollup_refresh(array(SELECT r.statement_id FROM recommendations r WHERE r.id IN (SELECT recommendation_id FROM new_rows)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM followup_rollup_refresh(array(SELECT r.statement_id FROM recommendations r WHERE r.id IN (SELECT recommendation_id FROM old_rows)));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM followup_rollup_refresh(array(SELECT r.statement_id FROM recommendations r WHERE r.id IN (SELECT recommendation_id FROM new_rows UNION SELECT recommendation_id FROM old_rows)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER followup_responses_rollup_insert AFTER INSERT ON followup_responses REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_followup_responses();
--> statement-breakpoint
CREATE TRIGGER followup_responses_rollup_update AFTER UPDATE ON followup_responses REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_followup_responses();
--> statement-breakpoint
CREATE TRIGGER followup_responses_rollup_delete AFTER DELETE ON followup_responses REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION followup_rollup_on_followup_responses();
--> statement-breakpoint
-- What is already there.
SELECT followup_rollup_refresh(array(SELECT id FROM statements));
