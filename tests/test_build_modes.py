"""When `cwh build` runs dbt incrementally and when it rebuilds everything."""

from __future__ import annotations

import shutil
from pathlib import Path

from ingest import store
from ingest.config import PROJECT_DIR
from ingest.dbt import CODE_PATHS, build_arguments, code_fingerprint


def copy_of_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    for name in CODE_PATHS:
        source = PROJECT_DIR / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            project.mkdir(exist_ok=True)
            shutil.copy(source, project / name)
    return project


def test_fingerprint_changes_with_a_model_a_seed_or_the_vars(tmp_path):
    project = copy_of_project(tmp_path)
    before = code_fingerprint(None, project)
    assert code_fingerprint(None, project) == before
    assert code_fingerprint({"as_of": "2026-01-01 00:00"}, project) != before

    model = project / "models" / "marts" / "fct_incidents.sql"
    model.write_text(model.read_text() + "\n-- a comment\n")
    after_model = code_fingerprint(None, project)
    assert after_model != before

    seed = project / "seeds" / "vague_quantities.csv"
    seed.write_text(seed.read_text() + "a great many,100,\n")
    assert code_fingerprint(None, project) != after_model


def test_fingerprint_ignores_files_dbt_does_not_build_from(tmp_path):
    project = copy_of_project(tmp_path)
    before = code_fingerprint(None, project)
    (project / "README.md").write_text("notes")
    (project / "target").mkdir()
    (project / "target" / "manifest.json").write_text("{}")
    assert code_fingerprint(None, project) == before


def test_incremental_only_when_the_last_good_build_had_the_same_code():
    assert build_arguments(None, "abc")[0] == "full"
    assert build_arguments("abc", "abd")[0] == "full"
    assert build_arguments("abc", "abc", full_refresh=True)[0] == "full"
    mode, args = build_arguments("abc", "abc")
    assert mode == "incremental" and "--full-refresh" not in args and "source:raw+,resource_type:test" in args
    assert "--full-refresh" in build_arguments(None, "abc")[1]


def test_last_fingerprint_is_that_of_the_newest_successful_build(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    with store.connect(warehouse) as con:
        assert store.last_built_fingerprint(con) is None
        store.record_build(con, "full", "first", 0, 1.0)
        store.record_build(con, "incremental", "second", 1, 1.0)
        assert store.last_built_fingerprint(con) == "first"
        store.record_build(con, "full", "third", 0, 1.0)
        assert store.last_built_fingerprint(con) == "third"
