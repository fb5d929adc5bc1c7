-- saksarkiv views for the common analyst questions. Applied after core.sql and
-- extraction.sql; CREATE OR REPLACE, so a newer saksarkiv refreshes them on open.
-- Documented in schemas/SCHEMA.md.

-- One row per recommended or decided point, with its case and source.
CREATE OR REPLACE VIEW decision_history AS
SELECT
    r.case_key,
    coalesce(c.body, split_part(r.case_key, ' ', 1)) AS body,
    c.year,
    c.number,
    c.title,
    r.kind,
    r.heading,
    r.item_no,
    r.text,
    c.meeting_date,
    c.document_date,
    d.filename,
    d.source,
    r.doc_id,
    r.page_no
FROM recommendations r
JOIN documents d ON d.doc_id = r.doc_id
LEFT JOIN cases c ON c.doc_id = r.doc_id AND c.case_key = r.case_key;

-- Every dated event of a case, from every document that mentions it: the dates found in
-- its own papers, and the papers of other cases that refer to it (dated by their meeting
-- or document date).
CREATE OR REPLACE VIEW case_timeline AS
SELECT
    t.case_key,
    t.date,
    t.date_end,
    t.role,
    t.text,
    t.year_inferred,
    d.filename,
    t.doc_id,
    t.page_no
FROM dates t
JOIN documents d ON d.doc_id = t.doc_id
WHERE t.case_key IS NOT NULL AND t.date IS NOT NULL
UNION ALL
SELECT
    r.target_case_key AS case_key,
    coalesce(c.meeting_date, c.document_date) AS date,
    NULL AS date_end,
    'referenced_by' AS role,
    r.from_case_key || ': ' || r.text AS text,
    false AS year_inferred,
    d.filename,
    r.doc_id,
    r.page_no
FROM case_references r
JOIN documents d ON d.doc_id = r.doc_id
LEFT JOIN cases c ON c.doc_id = r.doc_id AND c.case_key = r.from_case_key
WHERE r.target_case_key IS NOT NULL AND coalesce(c.meeting_date, c.document_date) IS NOT NULL;

-- Edges between cases (and to URLs), resolved to a document of the archive or not.
CREATE OR REPLACE VIEW reference_graph AS
SELECT
    r.from_case_key,
    r.target_case_key,
    r.context,
    r.text,
    r.url,
    r.doc_id AS from_doc_id,
    r.target_doc_id,
    r.target_doc_id IS NOT NULL AS resolved,
    r.page_no
FROM case_references r;

-- What a person should look at: repairs suggested but not applied, and extractions with a
-- low confidence (below 0.6).
CREATE OR REPLACE VIEW review_queue AS
SELECT 'repair' AS item, k.doc_id, k.page_no, k.original AS found, k.corrected AS suggestion,
       k.kind AS detail, k.confidence
FROM corrections k WHERE NOT k.applied
UNION ALL
SELECT 'case', doc_id, page_no, text, case_key, extractor, confidence
FROM cases WHERE confidence < 0.6
UNION ALL
SELECT 'date', doc_id, page_no, text, CAST(date AS VARCHAR), extractor, confidence
FROM dates WHERE confidence < 0.6
UNION ALL
SELECT 'reference', doc_id, page_no, text, target_case_key, extractor, confidence
FROM case_references WHERE confidence < 0.6
UNION ALL
SELECT 'recommendation', doc_id, page_no, left(text, 200), CAST(item_no AS VARCHAR), extractor, confidence
FROM recommendations WHERE confidence < 0.6;
