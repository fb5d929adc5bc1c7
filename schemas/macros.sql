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
), term_tf AS (
    SELECT docid, termid, count(*) AS tf FROM fts_main_search_units.terms
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
CREATE OR REPLACE TEMP MACRO search(q, n := 20) AS TABLE
WITH hits AS (
    SELECT u.*, s.score FROM search_scores(q) s JOIN search_units u USING (unit_id)
), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY coalesce(case_key, doc_id) ORDER BY score DESC) AS rn
    FROM hits
)
SELECT case_key, doc_id, kind, heading, page_no, round(score, 4) AS score, text
FROM ranked WHERE rn = 1 ORDER BY score DESC LIMIT n;

-- search_units_matching('fastlegekrise'): every matching unit, not only the best per case.
CREATE OR REPLACE TEMP MACRO search_units_matching(q) AS TABLE
SELECT u.*, s.score FROM search_scores(q) s JOIN search_units u USING (unit_id)
ORDER BY s.score DESC;
