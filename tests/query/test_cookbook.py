"""Every question of the README's SQL cookbook, run on the samples archive, with its answer."""

import datetime as dt
import re

import pytest

from pipeline import query
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

README = (ROOT / "README.md").read_text(encoding="utf-8")
RECIPES = dict(
    (int(n), sql) for n, sql in re.findall(r"^#### (\d+)\. .*?\n```sql\n(.*?)```", README, re.M | re.S)
)


def run(samples_archive_path, n):
    result = query.run_sql(samples_archive_path, RECIPES[n])
    return [dict(zip(result.columns, row)) for row in result.rows]


def test_the_cookbook_has_at_least_eight_recipes():
    assert len(RECIPES) >= 8 and sorted(RECIPES) == list(range(1, len(RECIPES) + 1))


def test_1_ssu_recommendations_on_the_partnership_meeting(samples_archive_path):
    rows = run(samples_archive_path, 1)
    points = {(r["case_key"], r["item_no"]) for r in rows}
    assert {("SSU 26/2024", 2), ("SSU 3/2024", 3)} <= points
    assert all(r["case_key"].startswith("SSU ") for r in rows)
    assert all("partnerskapsmøte" in r["text"].lower() for r in rows)


def test_2_cases_building_on_ssu_3_2024(samples_archive_path):
    rows = run(samples_archive_path, 2)
    assert {r["from_case_key"] for r in rows} == {"SSU 26/2024"}
    assert all(r["resolved"] for r in rows)  # SSU 3/2024 is in the archive


def test_3_fastlegekrise(samples_archive_path):
    rows = run(samples_archive_path, 3)
    assert rows and {r["filename"].split(".")[0] for r in rows} == {"003"}
    assert rows[0]["score"] > 0


def test_4_timeline(samples_archive_path):
    rows = run(samples_archive_path, 4)
    by_role = {(r["role"], r["date"]) for r in rows}
    assert ("document_date", dt.date(2024, 10, 17)) in by_role
    assert ("meeting_date", dt.date(2024, 12, 4)) in by_role
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


def test_5_missing_cases(samples_archive_path):
    missing = {r["target_case_key"] for r in run(samples_archive_path, 5)}
    assert {"SSU 3/2023", "SSU 34/2023", "SSU 9/2022"} <= missing
    assert "SSU 3/2024" not in missing


def test_6_english_ocr_pages(samples_archive_path):
    rows = run(samples_archive_path, 6)
    assert {r["filename"] for r in rows} == {f"00{i}.pdf" for i in range(5)}
    assert all(not re.search("[æøå]", r["english_layer"]) for r in rows)


def test_7_repairs(samples_archive_path):
    rows = run(samples_archive_path, 7)
    changes = {(r["original"], r["corrected"]) for r in rows if r["filename"] == "003.txt"}
    assert {("Partnerskapsmgte", "Partnerskapsmøte"), ("gnsker", "ønsker")} <= changes
    assert all(0 < r["confidence"] <= 1 for r in rows)


def test_8_deadlines(samples_archive_path):
    rows = run(samples_archive_path, 8)
    assert dt.date(2023, 10, 25) in {r["date"] for r in rows}


def test_9_case_handlers(samples_archive_path):
    rows = run(samples_archive_path, 9)
    assert rows[0]["handler"] == "Knut Erik Dahlmo" and rows[0]["cases"] == 3


def test_10_review_queue(samples_archive_path):
    rows = run(samples_archive_path, 10)
    assert {r["item"] for r in rows} <= {"repair", "case", "date", "reference", "recommendation"}
    assert all(r["n"] > 0 for r in rows)


def test_11_errors_of_the_last_run(samples_archive_path):
    assert run(samples_archive_path, 11) == []  # the samples all load
