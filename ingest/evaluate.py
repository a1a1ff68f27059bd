"""Scoring the extractor against a gold JSONL (the format of tests/gold/*/claims.jsonl).

Figures are distinct (article, outcome, low) per article; on figures found by both, we
compare scope, victim class, event month and place (country and admin1, the marts' grain) of
the figure's original statement.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .extract import admin1_names, extract_article, place_of
from .readers import Article, Rejection, iter_units, read_unit

Figure = tuple[str, str, int]


@dataclass
class Scores:
    gold: int
    predicted: int
    matched: int
    scope_agreement: float
    victim_class_agreement: float
    month_agreement: float
    killed_exact_match: float
    admin1_agreement: float = 1.0
    misses: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    disagreements: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict:
        return {"gold_figures": self.gold, "predicted_figures": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "scope_agreement": round(self.scope_agreement, 4),
                "victim_class_agreement": round(self.victim_class_agreement, 4),
                "month_agreement": round(self.month_agreement, 4),
                "admin1_agreement": round(self.admin1_agreement, 4),
                "killed_per_text_exact_match": round(self.killed_exact_match, 4)}


def load_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def predict(paths: list[Path]) -> tuple[list[dict], set[str]]:
    """Claim records for every article under paths (no database), and the article ids read."""
    rows, ids = [], set()
    for unit in iter_units(paths):
        if isinstance(unit, Rejection):
            continue
        for item in read_unit(unit):
            if isinstance(item, Article):
                ids.add(item.article_id)
                claims, _ = extract_article(item.article_id, item.body, item.published, item.content_sha256)
                rows.extend({**claim, "article_id": item.article_id, **place_of(claim.get("place_id"))} for claim in claims)
    return rows, ids


def _name_key(name: str | None) -> str:
    """'Dnipropetrovsk Oblast' ~ 'Dnipropetrovsk', 'Segou' ~ 'Ségou': how gold writers and the seeds differ."""
    if not name:
        return ""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"\b(?:oblast|province|governorate|region|state|district|division|department|prefecture)\b", "", plain)
    return re.sub(r"[^a-z]", "", plain)


def same_admin1(gold: tuple[str | None, str | None], predicted: tuple[str | None, str | None]) -> bool:
    """Same country and admin1, reading the gold admin1 through the gazetteer's names and aliases."""
    if _name_key(gold[0]) != _name_key(predicted[0]):
        return False
    if _name_key(gold[1]) == _name_key(predicted[1]):
        return True
    if not gold[1] or not predicted[1]:
        return False
    return predicted[1] in admin1_names(gold[1], gold[0])


def _month(date_text) -> str | None:
    if not date_text:
        return None
    return str(date_text)[:7]


def _primary(claims: list[dict], restated_key: str) -> dict:
    originals = [c for c in claims if not c.get(restated_key)]
    return (originals or claims)[0]


def score(gold: list[dict], predicted: list[dict], articles: set[str] | None = None) -> Scores:
    if articles is not None:
        gold = [g for g in gold if g["article"] in articles]
    gold_by: dict[Figure, list[dict]] = defaultdict(list)
    for g in gold:
        gold_by[(g["article"], g["outcome"], int(g["low"]))].append(g)
    pred_by: dict[Figure, list[dict]] = defaultdict(list)
    for p in predicted:
        pred_by[(p["article_id"], p["outcome"], int(p["value_low"]))].append(p)
    matched = sorted(set(gold_by) & set(pred_by))
    agree = {"scope": 0, "victim_class": 0, "month": 0}
    placed = placed_right = 0
    disagreements = []
    for figure in matched:
        g = _primary(gold_by[figure], "dup_of_quote")
        p = _primary(pred_by[figure], "restates_claim_id")
        g_month = _month(g.get("event_date") or g.get("period_start"))
        p_month = _month(p.get("event_date") or p.get("period_start"))
        checks = {"scope": g["scope"] == p["scope"], "victim_class": g["victim_class"] == p["victim_class"],
                  "month": g_month == p_month}
        for key, ok in checks.items():
            agree[key] += ok
        gold_place, pred_place = (g.get("country"), g.get("admin1")), (p.get("country"), p.get("admin1"))
        if "country" in p and g.get("country"):
            placed += 1
            same_place = same_admin1(gold_place, pred_place)
            placed_right += same_place
            checks["admin1"] = same_place
        if not all(checks.values()):
            disagreements.append({"figure": list(figure), "quote": p["quote"],
                                  "gold": {"scope": g["scope"], "victim_class": g["victim_class"], "month": g_month,
                                           "place": list(gold_place)},
                                  "predicted": {"scope": p["scope"], "victim_class": p["victim_class"], "month": p_month,
                                                "place": list(pred_place)}})
    n = len(matched) or 1
    return Scores(
        gold=len(gold_by), predicted=len(pred_by), matched=len(matched),
        scope_agreement=agree["scope"] / n, victim_class_agreement=agree["victim_class"] / n,
        month_agreement=agree["month"] / n, admin1_agreement=placed_right / placed if placed else 1.0,
        killed_exact_match=_killed_exact_match(gold, predicted, articles),
        misses=[{"figure": list(f), "quote": gold_by[f][0].get("quote")} for f in sorted(set(gold_by) - set(pred_by))],
        spurious=[{"figure": list(f), "quote": pred_by[f][0]["quote"]} for f in sorted(set(pred_by) - set(gold_by))],
        disagreements=disagreements,
    )


def _killed_exact_match(gold: list[dict], predicted: list[dict], articles: set[str] | None) -> float:
    """Share of texts whose killed total (no breakdowns, no restatements, per distinct figure) is exact."""
    def totals(rows, article_key, low_key, is_counted):
        out: dict[str, set[int]] = defaultdict(set)
        for r in rows:
            if r["outcome"] == "killed" and is_counted(r):
                out[r[article_key]].add(int(r[low_key]))
        return {a: sum(v) for a, v in out.items()}

    g = totals(gold, "article", "low", lambda r: r["scope"] != "breakdown" and not r.get("dup_of_quote"))
    p = totals(predicted, "article_id", "value_low", lambda r: r["scope"] != "breakdown" and not r.get("restates_claim_id"))
    texts = articles if articles is not None else set(g) | set(p)
    if not texts:
        return 1.0
    return sum(g.get(a, 0) == p.get(a, 0) for a in texts) / len(texts)


def evaluate(gold_path: Path, paths: list[Path]) -> Scores:
    predicted, ids = predict(paths)
    return score(load_gold(gold_path), predicted, ids)


def to_json(value) -> str:
    return json.dumps(value, default=lambda o: o.isoformat() if isinstance(o, (dt.date, dt.datetime)) else str(o))
