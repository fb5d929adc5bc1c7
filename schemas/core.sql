-- saksarkiv core schema: documents, their sources and pages, repairs, runs and errors.
-- Applied by pipeline/archive.py; every statement is idempotent (IF NOT EXISTS).
-- Documented column by column in schemas/SCHEMA.md.

CREATE TABLE IF NOT EXISTS schema_meta (
    key   VARCHAR PRIMARY KEY,   -- 'schema_version', ...
    value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    run_id            VARCHAR PRIMARY KEY,  -- UUID of the ingest or sync run
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,          -- NULL while running or if the run was killed
    command           VARCHAR NOT NULL,     -- the command line
    pipeline_version  VARCHAR NOT NULL,
    status            VARCHAR NOT NULL,     -- running / ok / some_failed / interrupted
    files_seen        INTEGER DEFAULT 0,
    documents_new     INTEGER DEFAULT 0,    -- loaded (new or reprocessed) in this run
    documents_skipped INTEGER DEFAULT 0,    -- already in the archive (same bytes, same version)
    documents_failed  INTEGER DEFAULT 0,
    pages             INTEGER DEFAULT 0,    -- pages loaded in this run
    pages_ocr         INTEGER DEFAULT 0,    -- of which OCR'd
    seconds           DOUBLE                -- wall-clock duration
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id           VARCHAR PRIMARY KEY,   -- = sha256 of the file's bytes
    sha256           VARCHAR NOT NULL UNIQUE,
    source           VARCHAR NOT NULL,      -- path (or URL) it was first ingested from
    filename         VARCHAR NOT NULL,
    media_type       VARCHAR NOT NULL,      -- application/pdf / text/plain (from magic bytes)
    size_bytes       BIGINT NOT NULL,
    page_count       INTEGER NOT NULL,
    text_origin      VARCHAR NOT NULL,      -- text_layer / ocr / mixed / plain_text
    language         VARCHAR,               -- nb / nn (NULL when undecided)
    status           VARCHAR NOT NULL,      -- ok / partial
    pipeline_version VARCHAR NOT NULL,
    encoding         VARCHAR,               -- text files: the encoding they were decoded with
    warnings         VARCHAR[],             -- what went wrong without failing the document
    repair_profile   JSON,                  -- the repair stage's per-document error profile
    seconds          DOUBLE,                -- processing time in the worker
    run_id           VARCHAR NOT NULL,      -- run that loaded this version
    ingested_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS document_sources (
    doc_id     VARCHAR NOT NULL,            -- documents.doc_id
    source     VARCHAR NOT NULL,            -- every path (or URL) these bytes were seen at
    filename   VARCHAR NOT NULL,
    run_id     VARCHAR NOT NULL,            -- run that first saw this path
    first_seen TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (doc_id, source)
);

CREATE TABLE IF NOT EXISTS pages (
    doc_id         VARCHAR NOT NULL,
    page_no        INTEGER NOT NULL,        -- 1-based
    method         VARCHAR NOT NULL,        -- text_layer / ocr / plain_text: what produced text_raw
    text_raw       VARCHAR NOT NULL,        -- as read or OCR'd, never changed
    text           VARCHAR NOT NULL,        -- after repair (extractors read this)
    quality        VARCHAR NOT NULL,        -- verdict on the page's own text layer: ok / none / garbage / legacy_ocr
    quality_score  DOUBLE,                  -- share of words found in Norwegian lexicons (0..1)
    reason         VARCHAR NOT NULL,        -- why this method was chosen, for a person
    ocr_confidence DOUBLE,                  -- tesseract's mean word confidence (0..100), OCR'd pages
    text_layer     VARCHAR,                 -- the PDF text layer that OCR replaced, if any
    run_id         VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, page_no)
);

CREATE TABLE IF NOT EXISTS corrections (
    doc_id     VARCHAR NOT NULL,
    page_no    INTEGER NOT NULL,
    char_start INTEGER NOT NULL,            -- offsets into pages.text_raw
    char_end   INTEGER NOT NULL,
    original   VARCHAR NOT NULL,
    corrected  VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,            -- class of damage: mojibake, ocr_aa, ocr_oe, ...
    confidence DOUBLE NOT NULL,             -- 0..1
    applied    BOOLEAN NOT NULL,            -- false: a suggestion below the threshold, for review
    new_start  INTEGER,                     -- offsets into pages.text (applied changes)
    new_end    INTEGER,
    run_id     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS ingest_errors (
    run_id     VARCHAR NOT NULL,
    source     VARCHAR NOT NULL,            -- the path that failed
    sha256     VARCHAR,                     -- NULL when the file could not even be read
    stage      VARCHAR NOT NULL,            -- discover / identify / read / assess / ocr / repair / extract / load / worker
    error      VARCHAR NOT NULL,            -- message for a person
    error_type VARCHAR NOT NULL,            -- exception class, for grouping
    size_bytes BIGINT,
    media_type VARCHAR,
    failed_at  TIMESTAMPTZ NOT NULL
);

-- Full-text search units: sections of cases, recommendation blocks, and the pages of
-- documents without sections. Rebuilt with the Norwegian stemmer after each ingest
-- (pipeline/stages/_index.py); query it through the search() macro (schemas/macros.sql).
CREATE TABLE IF NOT EXISTS search_units (
    unit_id  INTEGER PRIMARY KEY,
    doc_id   VARCHAR NOT NULL,
    case_key VARCHAR,                       -- the case the text belongs to, if known
    kind     VARCHAR NOT NULL,              -- section / recommendation / page
    heading  VARCHAR,
    page_no  INTEGER,
    text     VARCHAR NOT NULL
);
