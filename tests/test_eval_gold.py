"""The extractor against gold: the sample corpus (F1 = 1.0) and the project's own gold sets (F1 >= 0.95)."""

import json
from pathlib import Path

import pytest

from ingest.evaluate import evaluate, load_gold, score
from conftest import SAMPLE_DIR

GOLD = Path(__file__).parent / "gold"
DEV_SETS = ("wire", "notes", "regional", "features", "roundups")


def test_sample_corpus_matches_its_gold_exactly():
    scores = evaluate(GOLD / "seed" / "seed_claims.jsonl", [SAMPLE_DIR])
    assert (scores.f1, scores.misses, scores.spurious) == (1.0, [], [])
    # the issue asks >= 0.9; the sample is fully right today, so any slip is a regression
    assert (scores.scope_agreement, scores.victim_class_agreement, scores.month_agreement) == (1.0, 1.0, 1.0)


def test_project_gold_set_is_large_and_varied_enough():
    claims = [c for name in DEV_SETS for c in load_gold(GOLD / name / "claims.jsonl")]
    texts = [p for name in DEV_SETS for p in (GOLD / name / "texts").glob("*.txt")]
    assert len(claims) >= 150 and len(texts) >= 60
    assert {c["scope"] for c in claims} == {"incident", "period_total", "cumulative", "breakdown"}
    assert len({c["country"] for c in claims}) >= 8


@pytest.mark.parametrize("name", DEV_SETS)
def test_project_gold_sets_f1(name):
    scores = evaluate(GOLD / name / "claims.jsonl", [GOLD / name / "texts"])
    print(json.dumps(scores.summary()))
    assert scores.f1 >= 0.94, scores.misses + scores.spurious


@pytest.mark.parametrize("name, floor, precision_floor", [
    ("frontlines", 0.93, 0.95),  # first measured at 0.932, before any rule was written for it
    ("dispatches", 0.92, 0.95),  # first measured at 0.895 (recall 0.831), written blind
    ("casebook", 0.88, 0.95),  # first measured at 0.906 (recall 0.844), written nearly blind
    ("formats", 0.90, 0.95),  # first measured at 0.925 (recall 0.871)
    # the newest: first measured at 0.889 (precision 0.916), written blind; its annotator sums a list
    # of parts ("among them three women and a child") into one breakdown where the other sets and
    # the extractor keep a part per noun, which costs it precision (see its README)
    ("followups", 0.90, 0.90),
])
def test_newer_development_sets_f1(name, floor, precision_floor):
    scores = evaluate(GOLD / name / "claims.jsonl", [GOLD / name / "texts"])
    print(json.dumps(scores.summary()))
    assert scores.f1 >= floor and scores.precision >= precision_floor, scores.misses + scores.spurious


@pytest.mark.parametrize("name, floor", [("heldout_wire", 0.90), ("heldout_notes", 0.90), ("heldout_wide", 0.93),
                                         ("heldout_daily", 0.90), ("heldout_mixed", 0.88)])
def test_held_out_sets_do_not_regress(name, floor):
    # never tuned on: the floor sits below the measured F1 (0.930, 0.923, 0.963, 0.937, 0.914) to catch a regression
    scores = evaluate(GOLD / name / "claims.jsonl", [GOLD / name / "texts"])
    print(json.dumps(scores.summary()))
    assert scores.f1 >= floor and scores.precision >= 0.95


def test_project_gold_combined_f1_at_least_095():
    predicted, gold, ids = [], [], set()
    from ingest.evaluate import predict
    for name in DEV_SETS:
        rows, read = predict([GOLD / name / "texts"])
        predicted += rows
        ids |= read
        gold += load_gold(GOLD / name / "claims.jsonl")
    scores = score(gold, predicted, ids)
    print(json.dumps(scores.summary()))
    assert scores.f1 >= 0.95


def test_scoring_counts_distinct_figures():
    gold = [{"article": "a", "outcome": "killed", "low": 5, "scope": "incident", "victim_class": "civilian",
             "event_date": "2020-01-02"},
            {"article": "a", "outcome": "killed", "low": 5, "scope": "incident", "victim_class": "civilian",
             "event_date": "2020-01-02", "dup_of_quote": "x"},
            {"article": "a", "outcome": "wounded", "low": 9, "scope": "incident", "victim_class": "civilian"}]
    predicted = [{"article_id": "a", "outcome": "killed", "value_low": 5, "scope": "incident",
                  "victim_class": "civilian", "event_date": "2020-01-03", "quote": "q"},
                 {"article_id": "a", "outcome": "killed", "value_low": 7, "scope": "incident",
                  "victim_class": "civilian", "quote": "q2"}]
    scores = score(gold, predicted, {"a"})
    assert (scores.gold, scores.predicted, scores.matched) == (2, 2, 1)
    assert scores.precision == 0.5 and scores.recall == 0.5 and scores.month_agreement == 1.0


def test_place_agreement_reads_gold_names_through_the_gazetteer():
    from ingest.evaluate import same_admin1
    assert same_admin1(("Mali", "Segou"), ("Mali", "Ségou"))
    assert same_admin1(("Ukraine", "Dnipropetrovsk Oblast"), ("Ukraine", "Dnipropetrovsk"))
    assert same_admin1(("Iraq", None), ("Iraq", None))
    assert not same_admin1(("Iraq", "Anbar"), ("Iraq", "Baghdad"))
    assert not same_admin1(("Iraq", "Duhok"), ("Turkey", None))
    assert not same_admin1(("Iraq", None), ("Iraq", "Baghdad"))  # a national toll put in the capital


def test_scoring_compares_the_place_of_matched_figures():
    gold = [{"article": "a", "outcome": "killed", "low": 5, "scope": "incident", "victim_class": "civilian",
             "country": "Iraq", "admin1": "Anbar"},
            {"article": "a", "outcome": "killed", "low": 7, "scope": "incident", "victim_class": "civilian",
             "country": "Iraq", "admin1": "Basra"}]
    predicted = [{"article_id": "a", "outcome": "killed", "value_low": 5, "scope": "incident", "victim_class": "civilian",
                  "quote": "q", "country": "Iraq", "admin1": "Anbar"},
                 {"article_id": "a", "outcome": "killed", "value_low": 7, "scope": "incident", "victim_class": "civilian",
                  "quote": "q2", "country": "Iraq", "admin1": "Baghdad"}]
    assert score(gold, predicted, {"a"}).admin1_agreement == 0.5
