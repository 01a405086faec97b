-- The year lexeme of migration 0033, spelled so the planner can inline it: `'year ' || year` with an integer is the
-- text-and-anything concatenation, which is only stable (it calls the integer's output function), so the immutable
-- search_year_lexeme could not be inlined into search_year_vector and ran as a SQL function call of its own, twice
-- for every search document written (a follow-up response's refresh was half that call: 10,000 responses
-- 0.55-0.60 s of CPU on PGlite, 0.28-0.35 s inlined). `year::text || …` is text concatenation, immutable: the
-- same text, so the same lexemes and vectors as before; search_year_vector and search_year_query inline it now.
CREATE OR REPLACE FUNCTION "search_year_lexeme"(year integer) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 'year ' || year::text
$$;
