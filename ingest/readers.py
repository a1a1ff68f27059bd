"""Reading inputs: .txt folders with an optional manifest.csv, .jsonl and .csv files.

`iter_units` walks the inputs cheaply in the main process (no file bodies read);
`read_unit` turns one unit into an `Article` or a `Rejection` and runs in worker
processes. Nothing is dropped silently: whatever cannot be read becomes a Rejection.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .textclean import clean

ARTICLE_FIELDS = ("article_id", "published", "source", "url", "title")
MANIFEST_FIELDS = ("file",) + ARTICLE_FIELDS
TABLE_FIELDS = ARTICLE_FIELDS + ("text",)
MANIFEST_NAME = "manifest.csv"

csv.field_size_limit(sys.maxsize)


@dataclass
class Article:
    article_id: str
    body: str
    input_path: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def content_sha256(self) -> str:
        """Identity of one article version: its id, metadata and body."""
        canonical = json.dumps(
            [self.article_id, self.published.isoformat() if self.published else None,
             self.source, self.url, self.title, self.body],
            ensure_ascii=False,
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class Rejection:
    input_path: str
    reason: str
    line_number: int | None = None
    bytes_sha256: str | None = None
    severity: str = "rejected"  # or "warning": the input was kept, something was off


@dataclass
class Unit:
    """One thing to read: a .txt file (with its manifest row) or one row/line of a table."""

    kind: str  # "txt" | "jsonl" | "csv"
    path: str
    line_number: int | None = None
    payload: object = None  # manifest row (txt), raw line (jsonl), row dict (csv)


# -- walking the inputs --------------------------------------------------------------


def iter_units(paths: list[str | Path]) -> Iterator[Unit | Rejection]:
    """Every unit to read below `paths`, in a stable order, plus structural rejections."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from _iter_dir(path)
        elif path.is_file():
            yield from _iter_file(path, manifest={})
        else:
            yield Rejection(str(path), "path does not exist")


def _iter_dir(folder: Path) -> Iterator[Unit | Rejection]:
    manifests: dict[Path, dict[str, dict]] = {}
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    for manifest_path in (p for p in files if p.name == MANIFEST_NAME):
        rows, problems = _read_manifest(manifest_path)
        manifests[manifest_path.parent] = rows
        yield from problems
    for path in files:
        if path.name == MANIFEST_NAME or path.name.startswith("."):
            continue
        yield from _iter_file(path, manifests.get(path.parent, {}))


def _iter_file(path: Path, manifest: dict[str, dict]) -> Iterator[Unit | Rejection]:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        yield Unit("txt", str(path), payload=manifest.get(path.name))
    elif suffix == ".jsonl":
        yield from _iter_jsonl(path)
    elif suffix == ".csv":
        yield from _iter_csv(path)
    elif suffix not in (".md",):
        yield Rejection(str(path), f"unsupported file type '{suffix or path.name}' (expected .txt, .jsonl or .csv)",
                        bytes_sha256=_sha_of_file(path))


def _read_manifest(path: Path) -> tuple[dict[str, dict], list[Rejection]]:
    problems: list[Rejection] = []
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            unknown = [c for c in reader.fieldnames or [] if c not in MANIFEST_FIELDS]
            if unknown:
                problems.append(Rejection(str(path), f"unknown manifest column(s) {unknown} ignored; "
                                          f"expected {list(MANIFEST_FIELDS)}", severity="warning"))
            rows = {}
            for number, row in enumerate(reader, start=2):
                name = (row.get("file") or "").strip()
                if not name:
                    problems.append(Rejection(str(path), "manifest row has no 'file'", number))
                    continue
                if not (path.parent / name).is_file():
                    problems.append(Rejection(str(path), f"manifest names a missing file '{name}'", number))
                    continue
                rows[name] = {k: (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k in MANIFEST_FIELDS}
            return rows, problems
    except (UnicodeDecodeError, csv.Error) as exc:
        return {}, [Rejection(str(path), f"manifest is not readable CSV: {exc}")]


def _iter_jsonl(path: Path) -> Iterator[Unit | Rejection]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield Unit("jsonl", str(path), number, raw)


def _iter_csv(path: Path) -> Iterator[Unit | Rejection]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            fields = reader.fieldnames or []
            if "text" not in fields:
                yield Rejection(str(path), f"CSV has no 'text' column (columns: {fields})", bytes_sha256=_sha_of_file(path))
                return
            unknown = [c for c in fields if c not in TABLE_FIELDS]
            if unknown:
                yield Rejection(str(path), f"unknown column(s) {unknown} ignored; expected {list(TABLE_FIELDS)}",
                                severity="warning")
            for number, row in enumerate(reader, start=2):
                if None in row:
                    yield Rejection(str(path), "row has more fields than the header", number)
                    continue
                yield Unit("csv", str(path), number, {k: row[k] for k in TABLE_FIELDS if k in row})
    except (UnicodeDecodeError, csv.Error) as exc:
        yield Rejection(str(path), f"not readable as UTF-8 CSV: {exc}", bytes_sha256=_sha_of_file(path))


# -- reading one unit (worker side) ---------------------------------------------------


def read_unit(unit: Unit) -> list[Article | Rejection]:
    """Read one unit: the Article (with any warnings as Rejections of severity warning) or a Rejection."""
    if unit.kind == "txt":
        return _read_txt(unit)
    if unit.kind == "jsonl":
        return _read_jsonl_line(unit)
    return _article_from_fields(unit.payload, unit.path, unit.line_number, default_id=f"{Path(unit.path).stem}-{unit.line_number}")


def _read_txt(unit: Unit) -> list[Article | Rejection]:
    path = Path(unit.path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [Rejection(unit.path, f"cannot read file: {exc.strerror}")]
    text, problem, warning = decode_bytes(data)
    if problem:
        return [Rejection(unit.path, problem, bytes_sha256=hashlib.sha256(data).hexdigest())]
    fields = dict(unit.payload or {})
    fields["text"] = text
    out = _article_from_fields(fields, unit.path, None, default_id=path.stem)
    if warning and isinstance(out[0], Article):
        out.append(Rejection(unit.path, warning, severity="warning"))
    return out


def _read_jsonl_line(unit: Unit) -> list[Article | Rejection]:
    raw: bytes = unit.payload
    try:
        record = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return [Rejection(unit.path, f"malformed JSON line: {exc.msg if hasattr(exc, 'msg') else exc}",
                          unit.line_number, hashlib.sha256(raw).hexdigest())]
    if not isinstance(record, dict):
        return [Rejection(unit.path, "JSON line is not an object", unit.line_number, hashlib.sha256(raw).hexdigest())]
    out: list[Article | Rejection] = []
    unknown = sorted(k for k in record if k not in TABLE_FIELDS)
    if unknown:
        out.append(Rejection(unit.path, f"unknown field(s) {unknown} ignored; expected {list(TABLE_FIELDS)}",
                             severity="warning"))
    fields = {k: (None if record.get(k) is None else str(record[k])) for k in TABLE_FIELDS}
    return _article_from_fields(fields, unit.path, unit.line_number,
                                default_id=f"{Path(unit.path).stem}-{unit.line_number}") + out


def decode_bytes(data: bytes) -> tuple[str, str | None, str | None]:
    """(text, rejection reason, warning). UTF-8 first, then cp1252 with a warning."""
    if not data.strip():
        return "", "file is empty", None
    if b"\x00" in data:
        return "", "binary file (contains NUL bytes), not text", None
    try:
        return data.decode("utf-8-sig"), None, None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), None, "not valid UTF-8: decoded as cp1252"
    except UnicodeDecodeError as exc:
        return "", f"unreadable encoding: neither UTF-8 nor cp1252 ({exc.reason} at byte {exc.start})", None


def _article_from_fields(fields: dict, path: str, line: int | None, default_id: str) -> list[Article | Rejection]:
    text = fields.get("text")
    if text is None:
        return [Rejection(path, "no 'text' field", line)]
    body = clean(text)
    if not body:
        return [Rejection(path, "text is empty or whitespace only" if not text.strip()
                          else "text is only page furniture", line,
                          hashlib.sha256(text.encode("utf-8", "replace")).hexdigest())]
    article = Article(
        article_id=(fields.get("article_id") or "").strip() or default_id,
        body=body,
        input_path=path if line is None else f"{path}:{line}",
        source=(fields.get("source") or "").strip() or None,
        url=(fields.get("url") or "").strip() or None,
        title=(fields.get("title") or "").strip() or None,
    )
    out: list[Article | Rejection] = [article]
    published_text = (fields.get("published") or "").strip()
    if published_text:
        article.published = parse_published(published_text)
        if article.published is None:
            out.append(Rejection(path, f"published '{published_text}' is not a date (expected YYYY-MM-DD); "
                                 "article kept with published null", line, severity="warning"))
    return out


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y")


def parse_published(text: str) -> dt.date | None:
    """A publication date from ISO dates/datetimes and a few spelled-out forms; None if not a date."""
    candidate = text.strip()
    try:
        return dt.datetime.fromisoformat(candidate.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(candidate, fmt).date()
        except ValueError:
            continue
    return None


def _sha_of_file(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
