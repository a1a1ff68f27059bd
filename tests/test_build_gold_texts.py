"""Every data test of the dbt project passes on the warehouse built from all gold texts (424
articles of many outlets and shapes): the extractor never hands the marts a record that breaks
their invariants (parts above their parent, restatement chains, prorating)."""

from pathlib import Path

from conftest import PROJECT_DIR, query, run_cli

GOLD_DIR = PROJECT_DIR / "tests" / "gold"


def test_dbt_build_passes_on_every_gold_text(warehouse):
    folders = sorted(str(p) for p in GOLD_DIR.glob("*/texts"))
    assert len(folders) >= 10
    run_cli(warehouse, "ingest", *folders, check=True)
    result = run_cli(warehouse, "build", "--no-publish")
    assert result.returncode == 0, result.stdout[-4000:]
    articles = query(warehouse, "select count(*) from marts.dim_articles")[0][0]
    assert articles == sum(len(list(Path(f).glob("*.txt"))) for f in folders)
