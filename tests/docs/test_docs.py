"""Docs are product: a command or a column nobody documented fails the build."""

import re

from pipeline import archive
from pipeline.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SCHEMA = (ROOT / "schemas" / "SCHEMA.md").read_text(encoding="utf-8")


def test_readme_gives_the_two_setup_commands():
    head = README[:1500]
    assert "make demo" in head and "make test" in head


def test_every_cli_command_is_in_the_readme_and_has_an_example():
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"saksarkiv {name}" in README, name
        assert "Example:" in (command.callback.__doc__ or ""), name


def test_every_table_and_column_is_documented():
    conn = archive.connect(":memory:")
    columns = conn.execute(
        "SELECT table_name, column_name FROM duckdb_columns() "
        "WHERE NOT internal AND schema_name = 'main'"
    ).fetchall()
    assert columns
    for table, column in columns:
        assert re.search(rf"^## {table}\b", SCHEMA, re.M), f"table {table} not in SCHEMA.md"
        assert f"`{column}`" in SCHEMA, f"column {table}.{column} not in SCHEMA.md"
