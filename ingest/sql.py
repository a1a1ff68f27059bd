"""`cwh sql`: ad hoc, read-only SQL against the published marts, in the SQL dialect you know.

The query is parsed by sqlglot in the given dialect (a syntax error says where), refused if it
is anything but a read, transpiled to DuckDB, checked again by DuckDB's own parser, and run on
the PUBLISHED file opened read-only, with the search path set to `marts` so that
`select * from mart_monthly_casualties` works as well as `marts.mart_monthly_casualties`.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import difflib
import io
import json
import logging
import re
import sys
import uuid
from pathlib import Path
from typing import Iterable, Sequence

import click
import duckdb
import sqlglot
from sqlglot import exp
from sqlglot.dialects.dialect import Dialects
from sqlglot.errors import ParseError, SqlglotError

from . import store
from .config import published_path

EXIT_OK, EXIT_QUERY_ERROR, EXIT_USAGE = 0, 1, 2
EXIT_CODES_HELP = "Exit codes: 0 ok, 1 query error (syntax, refused write, unknown table, no published file), 2 usage."

DIALECTS = sorted(d.value for d in Dialects if d.value)
#: Nodes that write, wherever they hide (e.g. a data-modifying CTE in postgres).
_WRITE_NODES = tuple(getattr(exp, name) for name in (
    "Insert", "Update", "Delete", "Merge", "Create", "Drop", "Alter", "TruncateTable", "Copy",
    "Attach", "Detach", "Pragma", "Set", "Install", "Use", "Transaction", "Commit", "Rollback",
    "Grant", "Revoke", "Export", "Analyze", "LoadData",
) if hasattr(exp, name))
#: What DuckDB's parser may call a statement we run.
_READ_TYPES = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
TABLE_CELL_MAX = 80
_EXPLAIN_PREFIX = re.compile(r"^\s*explain\s+(\(.*?\)\s*|analy[sz]e\s+)?", re.I | re.S)


class QueryError(Exception):
    """A query that cannot run: the message is for the user."""


class QuerySyntaxError(QueryError):
    """The query does not parse in its dialect."""


def _statement_name(node: exp.Expression) -> str:
    if isinstance(node, exp.Command):
        return str(node.this).upper()
    names = {"TruncateTable": "TRUNCATE", "Transaction": "BEGIN", "LoadData": "LOAD DATA"}
    name = type(node).__name__
    kind = node.args.get("kind") if isinstance(node, (exp.Create, exp.Drop, exp.Alter)) else None
    base = names.get(name, name.upper())
    return f"{base} {kind.upper()}" if isinstance(kind, str) and kind else base


def _refusal(what: str) -> QueryError:
    return QueryError(
        f"refused: {what} is not a read. `cwh sql` only runs queries that read (SELECT, WITH … SELECT, "
        "VALUES, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN) against the published, read-only copy of the marts; "
        "the warehouse is changed only through `cwh ingest`, `cwh retract` and `cwh build`. "
        "To save a result, use --format csv or --format json and redirect the output."
    )


def _location(sql: str, line: int | None, col: int | None, width: int = 1) -> str:
    """The offending line with carets under the token (sqlglot's column is the token's last character)."""
    if not line:
        return ""
    lines = sql.splitlines() or [""]
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    start = max((col or 1) - width, 0)
    return f"\n  {text}\n  {' ' * start}{'^' * max(width, 1)}"


def _parse_error(sql: str, dialect: str, error: ParseError) -> QueryError:
    first = error.errors[0] if error.errors else {}
    line, col = first.get("line"), first.get("col")
    description = first.get("description") or str(error)
    highlight = first.get("highlight") or ""
    if line:
        width = len(highlight) if highlight and "\n" not in highlight else 1
        start_col = max((col or 1) - width + 1, 1)
        near = f" near {highlight!r}" if highlight.strip() else ""
        return QuerySyntaxError(f"syntax error ({dialect}) at line {line}, column {start_col}{near}: {description}"
                          + _location(sql, line, col, width))
    return QuerySyntaxError(f"syntax error ({dialect}): {description}")


def check_read_only(statements: Sequence[exp.Expression | None]) -> None:
    """Raise QueryError unless every parsed statement only reads."""
    for statement in statements:
        if statement is None:
            continue
        if isinstance(statement, exp.Command):
            verb = str(statement.this).upper()
            if verb == "EXPLAIN":  # sqlglot keeps EXPLAIN as text: check what it explains
                text = statement.expression.name if isinstance(statement.expression, exp.Literal) \
                    else str(statement.expression or "")
                try:
                    inner = sqlglot.parse(_EXPLAIN_PREFIX.sub("", "explain " + text, count=1), read="duckdb")
                except SqlglotError:
                    continue  # DuckDB's parser checks the explained statement in run_query
                check_read_only(inner)
                continue
            raise _refusal(verb)
        # Anything else that is not a write (a SELECT, but also syntax sqlglot does not classify)
        # goes on to DuckDB's parser, which has the last word on the statement type.
        for node in statement.walk():
            if isinstance(node, _WRITE_NODES):
                raise _refusal(_statement_name(node))


def to_duckdb(sql: str, dialect: str) -> str:
    """Parse `sql` in `dialect`, refuse writes, return DuckDB SQL for one statement."""
    return _prepare(sql, dialect)[0]


def _prepare(sql: str, dialect: str) -> tuple[str, exp.Expression]:
    dialect = dialect.lower()
    try:
        statements = [s for s in sqlglot.parse(sql, read=dialect) if s is not None]
    except ParseError as exc:
        raise _parse_error(sql, dialect, exc) from None
    except SqlglotError as exc:  # e.g. a TokenError for an unterminated string
        raise QuerySyntaxError(f"syntax error ({dialect}): {exc}") from None
    if not statements:
        raise QueryError("empty query")
    if len(statements) > 1:
        raise QueryError(f"one statement at a time, got {len(statements)}")
    check_read_only(statements)
    if dialect == "duckdb":
        return sql.strip().rstrip(";"), statements[0]
    try:
        return statements[0].sql(dialect="duckdb"), statements[0]
    except SqlglotError as exc:
        raise QueryError(f"cannot translate from {dialect} to DuckDB: {exc}") from None


def _published_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_catalog = current_database() and table_schema not in ('information_schema', 'pg_catalog') "
        "order by table_schema = 'marts' desc, table_schema, table_name"
    ).fetchall()
    return [f"{schema}.{name}" for schema, name in rows]


def _unknown_table_message(con: duckdb.DuckDBPyConnection, message: str) -> str:
    missing = re.search(r'Table with name "?([^\s"!]+)"? does not exist', message)
    tables = _published_tables(con)
    # DuckDB's own guess often points into pg_catalog: drop it, suggest a mart instead.
    lines = [line for line in message.splitlines() if not line.startswith("Did you mean")]
    text = "\n".join(lines).rstrip()
    if missing:
        names = {t.split(".", 1)[1]: t for t in tables}
        close = difflib.get_close_matches(missing.group(1).split(".")[-1], list(names), n=1, cutoff=0.5)
        if close:
            text += f"\ndid you mean {names[close[0]]}?"
    listing = "\n".join(f"  {t}" for t in tables) or "  (none: run `cwh build`)"
    return f"{text}\ntables in the published warehouse:\n{listing}"


def run_query(published: Path, sql: str, dialect: str = "duckdb") -> tuple[list[str], list[tuple]]:
    """Run one read query on the published file; returns (column names, rows)."""
    syntax_error: QuerySyntaxError | None = None
    parsed: exp.Expression | None = None
    try:
        duck_sql, parsed = _prepare(sql, dialect)
    except QuerySyntaxError as exc:
        if dialect != "duckdb":
            raise
        # sqlglot does not know every DuckDB construct: DuckDB's own parser gets a say below.
        duck_sql, syntax_error = sql.strip().rstrip(";"), exc
    published = Path(published)
    if not published.exists():
        raise QueryError(f"no published warehouse at {published}: run `cwh build` (or `cwh publish`) first")
    try:
        with store.connect(published, read_only=True) as con:
            try:
                kinds = [s.type for s in con.extract_statements(duck_sql)]
                if len(kinds) == 1 and kinds[0] == duckdb.StatementType.EXPLAIN:
                    # what is explained must be a read too (EXPLAIN ANALYZE runs it)
                    inner = _EXPLAIN_PREFIX.sub("", duck_sql, count=1)
                    if inner != duck_sql:
                        kinds = [s.type for s in con.extract_statements(inner)] or kinds
            except duckdb.ParserException as exc:
                if syntax_error is not None:
                    raise syntax_error from None
                if dialect == "duckdb":
                    raise QuerySyntaxError(f"syntax error: {exc}") from None
                raise QuerySyntaxError(f"syntax error (duckdb, after translation from {dialect}): {exc}\n"
                                       f"  translated query: {duck_sql}") from None
            if len(kinds) != 1:
                raise QueryError(f"one statement at a time, got {len(kinds)}")
            # DuckDB runs a PIVOT without an IN list as several statements (MULTI): still a read.
            is_pivot = parsed is not None and any(isinstance(n, exp.Pivot) for n in parsed.walk())
            if kinds[0] not in _READ_TYPES and not (kinds[0] == duckdb.StatementType.MULTI and is_pivot):
                raise _refusal(kinds[0].name.replace("_", " "))
            catalog = store.scalar(con, "select current_database()")
            path = f'"{catalog}".marts,"{catalog}".main'.replace("'", "''")
            con.execute(f"set search_path = '{path}'")
            try:
                cursor = con.execute(duck_sql)
                columns = [d[0] for d in cursor.description or []]
                rows = cursor.fetchall()
            except duckdb.CatalogException as exc:
                if "does not exist" in str(exc) and "Table with name" in str(exc):
                    raise QueryError(_unknown_table_message(con, str(exc))) from None
                raise QueryError(str(exc)) from None
            except duckdb.Error as exc:
                raise QueryError(str(exc)) from None
            return columns, rows
    except store.WarehouseBusy as exc:
        raise QueryError(str(exc)) from None


# --- output -------------------------------------------------------------------------------


def _json_default(value):
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (uuid.UUID, dt.timedelta)):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return str(value)


def _cell(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, default=_json_default)
    text = str(value).replace("\r", " ").replace("\n", " ")
    return text if len(text) <= TABLE_CELL_MAX else text[: TABLE_CELL_MAX - 1] + "…"


def format_table(columns: list[str], rows: Iterable[tuple]) -> str:
    rows = list(rows)
    cells = [[_cell(v) for v in row] for row in rows]
    numeric = [all(isinstance(row[i], (int, float, decimal.Decimal)) and not isinstance(row[i], bool)
                   for row in rows if row[i] is not None) for i in range(len(columns))]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w)
                         for v, w, num in zip(values, widths, numeric)).rstrip()

    out = [line(columns), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def write_csv(columns: list[str], rows: Iterable[tuple], stream) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else json.dumps(v, default=_json_default) if isinstance(v, (list, dict))
                         else v.isoformat() if isinstance(v, (dt.date, dt.datetime, dt.time)) else v for v in row])


def write_json_lines(columns: list[str], rows: Iterable[tuple], stream) -> None:
    for row in rows:
        stream.write(json.dumps(dict(zip(columns, row)), default=_json_default, ensure_ascii=False) + "\n")


@click.command("sql", epilog=EXIT_CODES_HELP)
@click.argument("query")
@click.option("--dialect", "-d", type=click.Choice(DIALECTS, case_sensitive=False), default="duckdb",
              show_default=True, help="SQL dialect the query is written in; transpiled to DuckDB by sqlglot.")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="table: aligned text; csv: with a header; json: one object per line.")
@click.option("--show-sql", is_flag=True, help="Print the DuckDB SQL that runs to stderr.")
def sql_command(query: str, dialect: str, fmt: str, show_sql: bool) -> None:
    """Run a read-only QUERY against the published marts ('-' reads it from stdin).

    Tables can be named as mart_monthly_casualties, marts.mart_monthly_casualties or
    warehouse.marts.mart_monthly_casualties.

    \b
    Examples:
      cwh sql "select * from mart_monthly_casualties order by month limit 10"
      cwh sql "select top 5 * from fct_incidents order by killed_best desc" --dialect tsql
      cwh sql "select month, killed_best::int from mart_monthly_casualties" -d postgres -f csv
    """
    if query == "-":
        query = sys.stdin.read()
    if not query.strip():
        raise click.UsageError("QUERY is empty")
    dialect = dialect.lower()
    logging.getLogger("sqlglot").setLevel(logging.ERROR)  # its fallbacks are handled here
    try:
        if show_sql:
            try:
                click.echo(to_duckdb(query, dialect), err=True)
            except QuerySyntaxError:
                pass  # run_query reports it (or lets DuckDB's parser accept it)
        columns, rows = run_query(published_path(), query, dialect)
    except QueryError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_QUERY_ERROR)
    if fmt == "table":
        click.echo(format_table(columns, rows))
        return
    buffer = io.StringIO()
    (write_csv if fmt == "csv" else write_json_lines)(columns, rows, buffer)
    click.echo(buffer.getvalue(), nl=False)
