-- Search macros, created in every connection saksarkiv opens (TEMP: read-only archives
-- have them too). Documented in schemas/SCHEMA.md and the README's SQL cookbook.

-- search_scores('fastlegekrise'): BM25 score of every unit that matches, computed once
-- for the whole query from the fts index tables. Same formula and parameters (k = 1.2,
-- b = 0.75) as the extension's match_bm25(), which is evaluated once per row of
-- search_units and was 2-4x too slow on a 10,000-document archive (make bench-query).
CREATE OR REPLACE TEMP MACRO search_scores(q) AS TABLE
WITH tokens AS (
    SELECT DISTINCT stem(unnest(fts_main_search_units.tokenize(q)), 'norwegian') AS t
), qterms AS (
    SELECT d.termid, d.df FROM fts_main_search_units.dict d JOIN tokens ON d.term = tokens.t
), term_tf AS (  -- the index's postings, sorted by term (see pipeline/stages/_index.py)
    SELECT docid, termid, sum(tf) AS tf FROM search_postings
    WHERE termid IN (SELECT termid FROM qterms) GROUP BY ALL
), st AS (
    SELECT num_docs, avgdl FROM fts_main_search_units.stats
)
SELECT docs.name AS unit_id,
       sum(log(((st.num_docs - qterms.df) + 0.5) / (qterms.df + 0.5) + 1)
           * (term_tf.tf * 2.2) / (term_tf.tf + 1.2 * (0.25 + 0.75 * docs.len / st.avgdl))) AS score
FROM term_tf JOIN qterms USING (termid) JOIN fts_main_search_units.docs docs USING (docid), st
GROUP BY docs.name;

-- search('fastlegekrise'): the best-matching unit of each case (or document), ranked by
-- BM25 with the Norwegian stemmer ("partnerskapsmøte" also finds "partnerskapsmøtene").
-- The ranking reads only ids from search_units; the text of the n best units is read last
-- (reading every matching unit's text first made the query twice as slow).
CREATE OR REPLACE TEMP MACRO search(q, n := 20) AS TABLE
WITH hits AS (
    SELECT s.unit_id, s.score, coalesce(u.case_key, u.doc_id) AS grp
    FROM search_scores(q) s JOIN search_units u USING (unit_id)
), best AS (
    SELECT arg_min(unit_id, (-score, unit_id)) AS unit_id, max(score) AS score
    FROM hits GROUP BY grp ORDER BY score DESC, unit_id LIMIT n
)
SELECT u.case_key, u.doc_id, u.kind, u.heading, u.page_no, round(b.score, 4) AS score, u.text
FROM best b JOIN search_units u USING (unit_id) ORDER BY b.score DESC, b.unit_id;

-- search_units_matching('fastlegekrise'): every matching unit, not only the best per case.
CREATE OR REPLACE TEMP MACRO search_units_matching(q) AS TABLE
SELECT u.*, s.score FROM search_scores(q) s JOIN search_units u USING (unit_id)
ORDER BY s.score DESC;
