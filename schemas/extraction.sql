-- Extraction tables (issue 4): what the extract stage finds in a document.
-- Every row carries doc_id (the document's sha256, added by the loader) and its provenance:
-- page_no (1-based), char_start/char_end (offsets into that page's repaired text, end
-- exclusive), extractor (the rule that produced it) and confidence (0..1).
-- Rows come from extractors.to_rows(); the loader inserts them generically by column name.

CREATE TABLE IF NOT EXISTS cases (
    doc_id          VARCHAR NOT NULL,  -- sha256 of the document presenting the case
    case_key        VARCHAR NOT NULL,  -- BODY NUMBER/YEAR, e.g. 'SSU 26/2024', 'PS 22/2018', 'K 27/1997'
    body            VARCHAR NOT NULL,  -- body as written, normalised in case ('SSU', 'PS', 'Styresak', 'Kommunestyret'); 'Sak' when unknown
    number          INTEGER NOT NULL,  -- case number within body and year (Noark moetesakssekvensnummer)
    year            INTEGER NOT NULL,  -- four digits; '97' -> 1997, '08' -> 2008 (moetesaksaar)
    title           VARCHAR,           -- case title (tittel)
    case_handler    VARCHAR,           -- Saksbehandler/Sakshandsamar, several joined by '; '
    case_handlers   VARCHAR[],         -- the same, one element per person
    avkl_sekr       VARCHAR[],         -- 'Avkl. sekr.' (cleared with the secretariat), one element per person or initials
    document_date   DATE,              -- Dato dok / Dato (dokumentetsDato)
    meeting_date    DATE,              -- Møtedato of the body treating the case (moetedato)
    our_ref         VARCHAR,           -- 'Vår ref' as written
    your_ref        VARCHAR,           -- 'Deres ref' / 'Dykkar ref' as written
    archive_case_no VARCHAR,           -- Arkivsaksnr./ArkivsakID normalised to YYYY/N (saksaar/sakssekvensnummer)
    archive_code    VARCHAR,           -- 'Arkiv'/'Arkivkode' as written (classification)
    committee       VARCHAR,           -- Utvalg/Utval treating the case, as written
    text            VARCHAR,           -- the case identifier as written ('SSU sak 26-2022')
    page_no         INTEGER NOT NULL,  -- provenance of the identifier
    char_start      INTEGER NOT NULL,   -- offset of its first character in that page's repaired text
    char_end        INTEGER NOT NULL,   -- offset after its last character (exclusive)
    extractor       VARCHAR NOT NULL,  -- case.header / case.agenda / case.saksgang
    confidence      DOUBLE NOT NULL     -- 0..1, the rule's confidence
);

CREATE TABLE IF NOT EXISTS case_fields (
    doc_id     VARCHAR NOT NULL,  -- document sha256
    case_key   VARCHAR NOT NULL,  -- the case the field belongs to (cases.case_key)
    field      VARCHAR NOT NULL,  -- a cases column: case_handler, document_date, our_ref, archive_case_no, committee, ...
    value      VARCHAR,           -- normalised value (ISO date, YYYY/N, text)
    text       VARCHAR,           -- the value as written
    page_no    INTEGER NOT NULL,  -- provenance of this one field
    char_start INTEGER NOT NULL,        -- offset of its first character in that page's repaired text
    char_end   INTEGER NOT NULL,        -- offset after its last character (exclusive)
    extractor  VARCHAR NOT NULL,  -- case.header_field / case.saksgang / case.agenda_row / case.date_role / case.document_body
    confidence DOUBLE NOT NULL          -- 0..1, the rule's confidence
);

CREATE TABLE IF NOT EXISTS dates (
    doc_id        VARCHAR NOT NULL,  -- document sha256
    case_key      VARCHAR,           -- case whose text holds the mention; NULL: document level (e.g. an agenda's header)
    text          VARCHAR NOT NULL,  -- as written: '19.01.2024', 'torsdag 18. april', 'uke 39 (23.-27.9.2024)'
    "date"        DATE,              -- the (first) day
    date_end      DATE,              -- last day of a range, else NULL
    role          VARCHAR NOT NULL CHECK (role IN ('document_date', 'meeting_date', 'deadline', 'event', 'mentioned')),  -- what the date is: document_date, meeting_date, deadline, event or mentioned
    year_inferred BOOLEAN NOT NULL,  -- true: the text has no year; it comes from the document's context
    page_no       INTEGER NOT NULL,     -- page of the mention (1-based)
    char_start    INTEGER NOT NULL,     -- offset of its first character in that page's repaired text
    char_end      INTEGER NOT NULL,     -- offset after its last character (exclusive)
    extractor     VARCHAR NOT NULL,  -- pattern+role rule, e.g. 'date.text+date.cue'
    confidence    DOUBLE NOT NULL       -- 0..1, the rule's confidence
);

CREATE TABLE IF NOT EXISTS case_references (
    doc_id          VARCHAR NOT NULL,  -- document sha256 holding the mention
    from_case_key   VARCHAR,           -- the case whose text holds the mention (NULL: document level)
    text            VARCHAR NOT NULL,  -- as written: 'SSU sak 03-2023', 'sak 30', 'sakene 4-7/2023', a URL
    target_body     VARCHAR,           -- body of the referenced case (label, sentence subject, or the citing case's body)
    target_number   INTEGER,            -- number of the referenced case
    target_year     INTEGER,           -- four digits; from the context for 'sak 30'
    target_case_key VARCHAR,           -- BODY NUMBER/YEAR, comparable to cases.case_key; NULL for URLs
    context         VARCHAR NOT NULL CHECK (context IN ('attachment', 'inline', 'url')),  -- attachment: in a Vedlegg list (kryssreferanse)
    url             VARCHAR,           -- for context = 'url'
    target_doc_id   VARCHAR,           -- resolved by the loader: a document presenting target_case_key (NULL until one arrives)
    page_no         INTEGER NOT NULL,   -- page of the mention (1-based)
    char_start      INTEGER NOT NULL,   -- offset of its first character in that page's repaired text
    char_end        INTEGER NOT NULL,   -- offset after its last character (exclusive)
    extractor       VARCHAR NOT NULL,  -- reference.<how the body was found>.<how the year was found>, reference.url
    confidence      DOUBLE NOT NULL     -- 0..1, the rule's confidence
);

CREATE TABLE IF NOT EXISTS recommendations (
    doc_id     VARCHAR NOT NULL,  -- document sha256
    case_key   VARCHAR,           -- the case recommended/decided (NULL: document without a case header)
    kind       VARCHAR NOT NULL CHECK (kind IN ('recommendation', 'decision')),  -- innstilling / vedtak
    heading    VARCHAR NOT NULL,  -- the block heading as written: 'Innstilling til konsensus', 'Samrøystes vedtak'
    item_no    INTEGER,           -- number of the point; NULL for an unnumbered paragraph
    text       VARCHAR NOT NULL,  -- the point's text, whitespace collapsed
    page_no    INTEGER NOT NULL,        -- page of the mention (1-based)
    char_start INTEGER NOT NULL,        -- offset of its first character in that page's repaired text
    char_end   INTEGER NOT NULL,        -- offset after its last character (exclusive)
    extractor  VARCHAR NOT NULL,        -- the rule that produced the row
    confidence DOUBLE NOT NULL          -- 0..1, the rule's confidence
);

CREATE TABLE IF NOT EXISTS sections (
    doc_id     VARCHAR NOT NULL,  -- document sha256
    case_key   VARCHAR,           -- the case the section belongs to (NULL: document level)
    heading    VARCHAR NOT NULL,  -- as written: 'Bakgrunn', 'Kommunenes vurdering', 'Videre prosess'
    text       VARCHAR NOT NULL,  -- the section's text up to the next heading
    page_no    INTEGER NOT NULL,  -- page of the heading; a section running onto later pages ends at this page's end
    char_start INTEGER NOT NULL,        -- offset of its first character in that page's repaired text
    char_end   INTEGER NOT NULL,        -- offset after its last character (exclusive)
    extractor  VARCHAR NOT NULL,  -- section.known (a known heading) / section.layout (a heading by layout)
    confidence DOUBLE NOT NULL          -- 0..1, the rule's confidence
);
