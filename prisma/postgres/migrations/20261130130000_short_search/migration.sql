-- Written by hand (not in the Prisma schema, which cannot express it): one- and two-character free text in the
-- desk's search (井盖, 水). pg_trgm cannot serve a LIKE of fewer than three characters (it scans); this GIN
-- index holds every distinct character and pair of adjacent characters of the resident's words and the place,
-- so a short query is one lookup (src/desk/api/search-ticket-text.ts uses exactly this expression). chr(1)
-- joins the two columns: no query contains it, so no pair spans them.
CREATE FUNCTION minyi_short_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array(SELECT DISTINCT g FROM (
    SELECT substr(t, i, 1) AS g FROM generate_series(1, char_length(t)) AS i
    UNION ALL
    SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) AS i) AS grams)
$$;
CREATE INDEX "Ticket_short_grams_idx" ON "Ticket"
  USING gin (minyi_short_grams(coalesce("text", '') || chr(1) || coalesce("place", '')));
