-- saksarkiv sync: what each watched URL (or inbox file) held when last checked, the
-- versions seen at it, and the counts of each sync run. Written by pipeline/sync/_state.py.
-- Every statement is idempotent (IF NOT EXISTS).

CREATE TABLE IF NOT EXISTS source_urls (
    url             VARCHAR PRIMARY KEY,   -- http(s) URL, or file:// URI of an inbox file
    source          VARCHAR NOT NULL,      -- name of the [[source]] that checked it last
    kind            VARCHAR NOT NULL,      -- document / page / feed / file
    status          VARCHAR NOT NULL,      -- last check: ok / failed / disallowed
    etag            VARCHAR,               -- validator for If-None-Match (files: size-mtime)
    last_modified   VARCHAR,               -- validator for If-Modified-Since (HTTP date)
    sha256          VARCHAR,               -- documents.doc_id of the current version
    previous_sha256 VARCHAR,               -- the version it replaced (NULL: first version)
    links           VARCHAR[],             -- pages and feeds: links found (reused on 304)
    enclosures      VARCHAR[],             -- feeds: enclosure links (documents by any name)
    http_status     INTEGER,               -- last HTTP status (NULL: no answer, or a file)
    error           VARCHAR,               -- last failure, for a person
    failures        INTEGER NOT NULL DEFAULT 0,  -- consecutive failed checks
    first_seen      TIMESTAMPTZ NOT NULL,
    last_checked    TIMESTAMPTZ NOT NULL,
    last_changed    TIMESTAMPTZ,           -- when sha256 last changed
    run_id          VARCHAR NOT NULL       -- the sync run that checked it last
);

CREATE TABLE IF NOT EXISTS url_versions (
    url             VARCHAR NOT NULL,      -- source_urls.url
    sha256          VARCHAR NOT NULL,      -- documents.doc_id of this version
    previous_sha256 VARCHAR,               -- the version it replaced at this URL
    first_seen      TIMESTAMPTZ NOT NULL,
    run_id          VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS sync_runs (
    run_id           VARCHAR PRIMARY KEY,  -- runs.run_id of the sync
    config           VARCHAR NOT NULL,     -- path of the sources file
    ingest_run_id    VARCHAR,              -- runs.run_id of its ingest step (NULL: nothing new)
    sources          INTEGER NOT NULL,
    sources_failed   INTEGER NOT NULL,     -- sources whose page, feed or folder failed
    checked          INTEGER NOT NULL,     -- documents (URLs and inbox files) checked
    new              INTEGER NOT NULL,     -- first version at a URL
    changed          INTEGER NOT NULL,     -- new version at a known URL
    unchanged        INTEGER NOT NULL,
    failed           INTEGER NOT NULL,     -- download or ingest failed (retried next run)
    disallowed       INTEGER NOT NULL,     -- skipped: robots.txt
    downloaded       INTEGER NOT NULL,     -- response bodies downloaded (304s are not)
    bytes_downloaded BIGINT NOT NULL
);
