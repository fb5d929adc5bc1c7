-- Search macros, created in every connection saksarkiv opens (TEMP: read-only archives
-- have them too). Documented in schemas/SCHEMA.md and the README's SQL cookbook.

-- search('fastlegekrise'): the best-matching unit of each case (or document), ranked by
-- BM25 with the Norwegian stemmer ("partnerskapsmøte" also finds "partnerskapsmøtene").
CREATE OR REPLACE TEMP MACRO search(q, n := 20) AS TABLE
WITH hits AS (
    SELECT u.*, fts_main_search_units.match_bm25(u.unit_id, q) AS score
    FROM search_units u
), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY coalesce(case_key, doc_id) ORDER BY score DESC) AS rn
    FROM hits WHERE score IS NOT NULL
)
SELECT case_key, doc_id, kind, heading, page_no, round(score, 4) AS score, text
FROM ranked WHERE rn = 1 ORDER BY score DESC LIMIT n;

-- search_units_matching('fastlegekrise'): every matching unit, not only the best per case.
CREATE OR REPLACE TEMP MACRO search_units_matching(q) AS TABLE
SELECT u.*, fts_main_search_units.match_bm25(u.unit_id, q) AS score
FROM search_units u
WHERE score IS NOT NULL ORDER BY score DESC;
