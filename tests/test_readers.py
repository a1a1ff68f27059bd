"""Input formats, the manifest, and every kind of bad input."""

import datetime as dt
import json

from ingest.readers import Article, Rejection, decode_bytes, iter_units, parse_published, read_unit
from conftest import write_articles


def read_all(*paths):
    out = []
    for unit in iter_units(list(paths)):
        out.extend([unit] if isinstance(unit, Rejection) else read_unit(unit))
    return out


def articles(items):
    return [i for i in items if isinstance(i, Article)]


def rejections(items, severity="rejected"):
    return [i for i in items if isinstance(i, Rejection) and i.severity == severity]


def test_txt_folder_with_manifest(tmp_path):
    folder = write_articles(tmp_path / "in", {"a.txt": "KIRKUK - Two policemen were killed.", "b.txt": "Calm day."},
                            manifest=[{"file": "a.txt", "article_id": "A-1", "published": "2015-03-04",
                                       "source": "Rudaw", "url": "http://x/a", "title": "Two killed"}])
    found = {a.article_id: a for a in articles(read_all(folder))}
    assert set(found) == {"A-1", "b"}  # b has no manifest row: the file stem is its id
    a = found["A-1"]
    assert (a.published, a.source, a.url, a.title) == (dt.date(2015, 3, 4), "Rudaw", "http://x/a", "Two killed")
    assert found["b"].published is None


def test_jsonl_and_csv_inputs(tmp_path):
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(json.dumps({"article_id": "j1", "published": "2016-01-02", "source": "AP", "text": "Three dead."}) + "\n"
                     + json.dumps({"text": "No id here."}) + "\n", encoding="utf-8")
    csv_path = tmp_path / "in.csv"
    csv_path.write_text('article_id,published,source,url,title,text\nc1,2017-05-06,AFP,,,"Five wounded, officials said."\n',
                        encoding="utf-8")
    found = {a.article_id: a for a in articles(read_all(jsonl, csv_path))}
    assert set(found) == {"j1", "in-2", "c1"}
    assert found["c1"].body == "Five wounded, officials said." and found["c1"].source == "AFP"
    assert found["j1"].input_path.endswith("in.jsonl:1")


def test_every_bad_input_is_rejected_with_a_reason(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (folder / "ok.txt").write_text("Four killed in Hilla.", encoding="utf-8")
    (folder / "manifest.csv").write_text("file,article_id,published\nok.txt,ok,2008-13-45\nmissing.txt,m,2008-01-01\n")
    (folder / "lines.jsonl").write_text('{"article_id": "fine", "text": "One dead."}\n{"article_id": broken\n')
    items = read_all(folder)
    reasons = {r.input_path.split("/")[-1]: r.reason for r in rejections(items)}
    assert reasons["empty.txt"] == "file is empty"
    assert reasons["blank.txt"] == "file is empty"
    assert "binary" in reasons["binary.txt"]
    assert "missing file 'missing.txt'" in reasons["manifest.csv"]
    assert "malformed JSON" in reasons["lines.jsonl"]
    warnings = rejections(items, "warning")
    assert any("2008-13-45" in w.reason and "published null" in w.reason for w in warnings)
    kept = {a.article_id: a for a in articles(items)}
    assert set(kept) == {"ok", "fine"} and kept["ok"].published is None


def test_cp1252_fallback_is_recorded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 blast: \u201cseven dead\u201d".encode("cp1252"))
    items = read_all(path)
    assert articles(items)[0].body == 'Caf\u00e9 blast: "seven dead"'
    assert any("cp1252" in w.reason for w in rejections(items, "warning"))


def test_decode_bytes_rejects_undecodable():
    text, problem, _ = decode_bytes(b"\x81\x8d\x8f not text")
    assert text == "" and "unreadable encoding" in problem


def test_unknown_columns_warned(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"article_id": "x", "text": "Two hurt.", "author": "Z"}) + "\n")
    items = read_all(path)
    assert articles(items)[0].article_id == "x"
    assert any("author" in w.reason for w in rejections(items, "warning"))


def test_unsupported_file_and_missing_path(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"png")
    items = read_all(tmp_path / "photo.png", tmp_path / "nope")
    reasons = sorted(r.reason for r in rejections(items))
    assert reasons[0] == "path does not exist" and "unsupported file type" in reasons[1]


def test_parse_published_forms():
    assert parse_published("2008-04-30") == dt.date(2008, 4, 30)
    assert parse_published("2008-04-30T06:00:00Z") == dt.date(2008, 4, 30)
    assert parse_published("30 April 2008") == dt.date(2008, 4, 30)
    assert parse_published("April 30, 2008") == dt.date(2008, 4, 30)
    assert parse_published("last week") is None


def test_content_sha_changes_with_body_and_metadata():
    base = Article("a", "Two killed.", "p", dt.date(2020, 1, 1))
    assert base.content_sha256 == Article("a", "Two killed.", "q", dt.date(2020, 1, 1)).content_sha256
    assert base.content_sha256 != Article("a", "Three killed.", "p", dt.date(2020, 1, 1)).content_sha256
    assert base.content_sha256 != Article("a", "Two killed.", "p", dt.date(2020, 1, 2)).content_sha256
