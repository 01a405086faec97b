-- Status over time in the follow-up rollup (schema-followup-rollup.ts, tables from 0011), the totals
-- also by statement year.
-- The refresh the triggers of 0010 call now keeps both parts: the counts (0010's function, renamed)
-- and the yearly transitions (below), under the one advisory lock.
ALTER FUNCTION followup_rollup_refresh(integer[]) RENAME TO followup_rollup_refresh_counts;
--> statement-breakpoint
-- The transitions of the given statements' recommendations, recomputed from the base tables: per
-- recommendation, each published status update adds 1 to its status and takes 1 from the one before
-- it (status.ts order: date, then id; 'none' before the first), netted per year (year 0: the start,
-- below); then summed per cell
-- (the cells the over-time view reads: all, theme, addressee, country, theme × country,
-- theme × addressee), a recommendation counted once per cell.
CREATE FUNCTION followup_rollup_refresh_transitions(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH old AS (
    DELETE FROM followup_rollup_transitions_statements WHERE statement_id = ANY(ids)
    RETURNING theme_id, addressee_id, country, statement_year, year, status, published, delta
  ), removed AS (
    SELECT theme_id, addressee_id, country, statement_year, year, status, sum(delta)::int AS delta
    FROM old WHERE published GROUP BY 1, 2, 3, 4, 5, 6
  )
  UPDATE followup_rollup_transitions g
  SET delta = g.delta - removed.delta
  FROM removed
  WHERE g.theme_id = removed.theme_id AND g.addressee_id = removed.addressee_id AND g.country = removed.country
    AND g.statement_year = removed.statement_year AND g.year = removed.year AND g.status = removed.status;

  INSERT INTO followup_rollup_transitions_statements
    (statement_id, theme_id, addressee_id, country, year, status, published, statement_year, delta)
  WITH recs AS (
    SELECT r.id, r.statement_id, s.status = 'published' AS published, extract(year FROM s.date)::int AS statement_year
    FROM recommendations r JOIN statements s ON s.id = r.statement_id
    WHERE r.statement_id = ANY(ids)
  ), updates AS (
    SELECT su.recommendation_id AS id, extract(year FROM su.date)::int AS year, su.status::text AS status,
      coalesce(lag(su.status::text) OVER (PARTITION BY su.recommendation_id ORDER BY su.date, su.id), 'none') AS previous
    FROM followup_status_updates su JOIN recs ON recs.id = su.recommendation_id
    WHERE su.publication = 'published'
  ), deltas AS (
    SELECT id, year, status, sum(change)::int AS delta
    FROM (
      -- Year 0 holds the starting point: every recommendation enters 'none', so a cell's year-0 row is
      -- how many recommendations it has, and a reader needs no second query for the total.
      SELECT id, 0 AS year, 'none' AS status, 1 AS change FROM recs
      UNION ALL SELECT id, year, status, 1 FROM updates
      UNION ALL SELECT id, year, previous, -1 FROM updates
    ) changes
    GROUP BY id, year, status HAVING sum(change) <> 0
  ), themed AS (
    SELECT rt.recommendation_id AS id, rt.theme_id
    FROM recommendation_themes rt JOIN recs ON recs.id = rt.recommendation_id
  ), addressed AS (
    SELECT ra.recommendation_id AS id, ra.addressee_id, a.country
    FROM recommendation_addressees ra JOIN recs ON recs.id = ra.recommendation_id JOIN addressees a ON a.id = ra.addressee_id
  ), cells AS (
    -- UNION, not UNION ALL: a recommendation addressed to two addressees of one country counts once there.
    SELECT id, 0 AS theme_id, 0 AS addressee_id, '' AS country FROM recs
    UNION SELECT id, theme_id, 0, '' FROM themed
    UNION SELECT id, 0, addressee_id, '' FROM addressed
    UNION SELECT id, 0, 0, country FROM addressed WHERE country IS NOT NULL
    UNION SELECT t.id, t.theme_id, 0, a.country FROM themed t JOIN addressed a ON a.id = t.id WHERE a.country IS NOT NULL
    UNION SELECT t.id, t.theme_id, a.addressee_id, '' FROM themed t JOIN addressed a ON a.id = t.id
  )
  SELECT recs.statement_id, cells.theme_id, cells.addressee_id, cells.country, deltas.year, deltas.status,
    recs.published, recs.statement_year, sum(deltas.delta)::int
  FROM deltas JOIN cells ON cells.id = deltas.id JOIN recs ON recs.id = deltas.id
  GROUP BY recs.statement_id, cells.theme_id, cells.addressee_id, cells.country, deltas.year, deltas.status,
    recs.published, recs.statement_year
  HAVING sum(deltas.delta) <> 0;

  INSERT INTO followup_rollup_transitions (theme_id, addressee_id, country, statement_year, year, status, delta)
  SELECT theme_id, addressee_id, country, statement_year, year, status, sum(delta)::int
  FROM followup_rollup_transitions_statements
  WHERE statement_id = ANY(ids) AND published GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (theme_id, addressee_id, country, statement_year, year, status) DO UPDATE
  SET delta = followup_rollup_transitions.delta + excluded.delta;
END
$$;
--> statement-breakpoint
CREATE FUNCTION followup_rollup_refresh(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- One refresh at a time (see 0010): concurrent writers queue instead of deadlocking on the total rows.
  PERFORM pg_advisory_xact_lock(hashtext('followup_rollup'));
  PERFORM followup_rollup_refresh_counts(ids);
  PERFORM followup_rollup_refresh_transitions(ids);
END
$$;
--> statement-breakpoint
-- Status updates: the counts change only with the current row, the transitions with any published
-- row's status, date or publication, so an update touching any of those refreshes its statement.
CREATE OR REPLACE FUNCTION followup_rollup_on_followup_status_updates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM followup_rollup_refresh(array(SELECT statement_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM followup_rollup_refresh(array(SELECT statement_id FROM old_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM followup_rollup_refresh(array(
      SELECT n.statement_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.is_current, n.status, n.date, n.publication, n.recommendation_id, n.statement_id)
        IS DISTINCT FROM (o.is_current, o.status, o.date, o.publication, o.recommendation_id, o.statement_id)
      UNION
      SELECT o.statement_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.recommendation_id, n.statement_id) IS DISTINCT FROM (o.recommendation_id, o.statement_id)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Statements: a change of status moves a statement in or out of the totals (as in 0010), a change of
-- date from one statement year to another.
CREATE OR REPLACE FUNCTION followup_rollup_on_statements() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM followup_rollup_refresh(array(SELECT id FROM old_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM followup_rollup_refresh(array(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.status IS DISTINCT FROM o.status
        OR extract(year FROM n.date) IS DISTINCT FROM extract(year FROM o.date)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- What is already there.
SELECT followup_rollup_refresh_transitions(array(SELECT id FROM statements));
