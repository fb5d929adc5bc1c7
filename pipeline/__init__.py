"""saksarkiv: legacy Norwegian case papers into a queryable DuckDB archive.

Public modules: :mod:`pipeline.api`, :mod:`pipeline.cli`, :mod:`pipeline.records`,
:mod:`pipeline.settings`, :mod:`pipeline.exceptions`. Modules and packages whose names
start with ``_`` are internal.
"""

__version__ = "0.1.0"
# Bumped whenever a stage changes what it produces: documents ingested by an older
# pipeline version are redone on the next ingest (see pipeline.stages.load).
PIPELINE_VERSION = "2"
