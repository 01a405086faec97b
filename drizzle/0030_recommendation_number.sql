ALTER TABLE "recommendations" ADD COLUMN "number" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Numbers the recommendations of each statement from its first changed place on: the rows before it keep their
-- numbers (no changed row was before them, before or after the change), so each statement costs one index step back
-- to the last unchanged number plus the rows from the change to its end. `first_*` name, per statement, the first
-- place in its order (position, id) where a row was added, removed or moved to or from; int4's least value renumbers
-- the whole statement. Only rows whose number changes are written.
--
-- The update is flagged (puente.renumbering) so the triggers of recommendations that read their text do not fire for
-- it: the search documents and the follow-up rollup do not hold the number, and re-indexing every later row of a UPR
-- statement of thousands because one row was inserted before them would cost seconds.
CREATE FUNCTION "recommendations_renumber"(first_statement integer[], first_position integer[], first_id integer[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  was text := coalesce(current_setting('puente.renumbering', true), '');
BEGIN
  -- Two transactions changing one statement's recommendations at once would each number from a snapshot without the
  -- other's rows: the second waits here for the first to commit, and its update (a new snapshot) then sees them.
  PERFORM 1 FROM statements WHERE id = ANY(first_statement) ORDER BY id FOR NO KEY UPDATE;
  PERFORM set_config('puente.renumbering', 'on', true);
  UPDATE recommendations r SET number = n.number
  FROM (
    SELECT x.id, coalesce(before.number, 0) + row_number() OVER (PARTITION BY x.statement_id ORDER BY x.position, x.id) AS number
    FROM unnest(first_statement, first_position, first_id) AS f(statement_id, position, id)
    LEFT JOIN LATERAL (
      SELECT b.number FROM recommendations b
      WHERE b.statement_id = f.statement_id AND (b.position, b.id) < (f.position, f.id)
      ORDER BY b.position DESC, b.id DESC LIMIT 1
    ) before ON true
    JOIN recommendations x ON x.statement_id = f.statement_id AND (x.position, x.id) >= (f.position, f.id)
  ) n
  WHERE r.id = n.id AND r.number IS DISTINCT FROM n.number;
  PERFORM set_config('puente.renumbering', was, true);
END
$$;--> statement-breakpoint
-- Whole statements, for the bulk loads (resumeDerivedUpkeep) and this migration's backfill.
CREATE FUNCTION "recommendations_renumber_statements"(statement_ids integer[]) RETURNS void LANGUAGE sql AS $$
  SELECT recommendations_renumber(array_agg(s), array_agg(-2147483648), array_agg(0))
  FROM (SELECT DISTINCT unnest(statement_ids) AS s) d;
$$;--> statement-breakpoint
CREATE FUNCTION "recommendations_number_on_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s integer[];
  p integer[];
  i integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(statement_id), array_agg(position), array_agg(id) INTO s, p, i FROM (
      SELECT DISTINCT ON (statement_id) statement_id, position, id FROM new_rows ORDER BY statement_id, position, id) f;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(statement_id), array_agg(position), array_agg(id) INTO s, p, i FROM (
      SELECT DISTINCT ON (statement_id) statement_id, position, id FROM old_rows ORDER BY statement_id, position, id) f;
  ELSE
    -- Only a moved row (another position or statement) changes numbers: its old place and its new one.
    SELECT array_agg(statement_id), array_agg(position), array_agg(id) INTO s, p, i FROM (
      SELECT DISTINCT ON (statement_id) statement_id, position, id FROM (
        SELECT o.statement_id, o.position, o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.statement_id, o.position) IS DISTINCT FROM (n.statement_id, n.position)
        UNION ALL
        SELECT n.statement_id, n.position, n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.statement_id, o.position) IS DISTINCT FROM (n.statement_id, n.position)
      ) moved ORDER BY statement_id, position, id) f;
  END IF;
  IF s IS NOT NULL THEN
    PERFORM recommendations_renumber(s, p, i);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "recommendations_number_insert" AFTER INSERT ON "recommendations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recommendations_number_on_change"();--> statement-breakpoint
CREATE TRIGGER "recommendations_number_update" AFTER UPDATE ON "recommendations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT WHEN (current_setting('puente.renumbering', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION "recommendations_number_on_change"();--> statement-breakpoint
CREATE TRIGGER "recommendations_number_delete" AFTER DELETE ON "recommendations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "recommendations_number_on_change"();--> statement-breakpoint
-- The same triggers as before (migrations 0010 and 0019), now passed over by the renumbering's update.
DROP TRIGGER "search_updated" ON "recommendations";--> statement-breakpoint
CREATE TRIGGER "search_updated" AFTER UPDATE ON "recommendations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT WHEN (current_setting('puente.renumbering', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION "search_source_changed"('recommendation', 'id');--> statement-breakpoint
DROP TRIGGER "recommendations_rollup_update" ON "recommendations";--> statement-breakpoint
CREATE TRIGGER "recommendations_rollup_update" AFTER UPDATE ON "recommendations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT WHEN (current_setting('puente.renumbering', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION followup_rollup_on_recommendations();--> statement-breakpoint
SELECT recommendations_renumber_statements(array(SELECT id FROM statements));
