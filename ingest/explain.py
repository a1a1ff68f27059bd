"""`cwh explain`: the figures of one mart row and every claim behind them, with how each counted.

    cwh explain --month 2008-04 --admin1 Baghdad --victim-class militants
    cwh explain --month 2008-04                      # the country-wide rows of Iraq, every victim class
    cwh explain --actor "Mahdi Army" [--month 2008-04]

Reads the warehouse (WAREHOUSE_PATH) read-only: the marts, and two intermediate views for
the prorated tolls and the actor mentions.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
import duckdb

from . import store
from .config import warehouse_path

VICTIM_CLASSES = ("civilian", "security_forces", "foreign_military", "militants", "mixed_unknown")
FIGURES = ("low", "best", "high")


class ExplainError(click.ClickException):
    """A row or actor that is not in the warehouse (exit 1)."""


# -- reading -----------------------------------------------------------------------------------


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _optional_rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    """Rows of an intermediate view, or none when the warehouse lacks it."""
    try:
        return _rows(con, sql, params)
    except duckdb.CatalogException:
        return []


def parse_month(text: str | None) -> tuple[bool, dt.date | None]:
    """(given, first day) for YYYY-MM; 'unknown' is the row of claims without a date."""
    if text is None:
        return False, None
    if text.strip().lower() == "unknown":
        return True, None
    try:
        return True, dt.datetime.strptime(text.strip(), "%Y-%m").date()
    except ValueError as exc:
        raise click.BadParameter(f"'{text}' is not YYYY-MM (or 'unknown')", param_hint="--month") from exc


def _month_text(month: dt.date | None) -> str:
    return month.strftime("%Y-%m") if month else "unknown month"


def _value(claim: dict) -> str:
    low, high = claim["value_low"], claim["value_high"]
    if claim["is_vague"]:
        return f"{low} ('{claim['vague_term'] or claim['number_text']}', vague)"
    if high is None:
        return f"at least {low}"
    return str(low) if high == low else f"{low}-{high}"


def _when(claim: dict) -> str:
    if claim["event_date"]:
        return f"event {claim['event_date']}"
    if claim["period_from"] or claim["period_start"]:
        return f"period {claim['period_from'] or claim['period_start']} to {claim['period_to'] or claim['period_end'] or '?'}"
    return "no date"


def _where(claim: dict) -> str:
    place = claim["place"] or claim["place_text"] or "no place"
    return place if claim["place"] else f"{place} (not in the gazetteer)"


# -- how a claim counted -----------------------------------------------------------------------


def how_counted(claim: dict, row: dict | None, incidents: dict[str, dict], prorated: dict[str, int]) -> str:
    """One line: how the claim counts in the row (or in general when row is None)."""
    role, kind, outcome = claim["counting_role"], claim["figure_kind"], claim["outcome"]
    if role == "excluded":
        return f"excluded by an analyst ({claim['override_note']}): counts nowhere"
    if role == "restatement":
        return f"restatement of {claim['restates_claim_id']}: adds nothing"
    if role == "nested_breakdown":
        return f"breakdown of {claim['part_of_claim_id']}, itself a breakdown: already inside its share, adds nothing"
    prefix = ""
    if role == "breakdown":
        actor = f" / {claim['victim_actor']}" if claim["victim_actor"] else ""
        prefix = (f"breakdown of {claim['part_of_claim_id']}: its {claim['counted_low']} are "
                  f"{claim['victim_class']}{actor} within the parent's figure, adding nothing to it; ")
    elif claim["part_of_claim_id"]:
        prefix = f"breakdown of {claim['part_of_claim_id']} whose parent does not count: counted on its own; "
    if outcome not in ("killed", "wounded"):
        return prefix + f"{outcome}: kept in the claims and incidents, not in the killed/wounded figures"
    if kind == "toll":
        share = prorated.get(claim["claim_id"])
        where = (f"{share} of it prorated into this month" if share is not None
                 else "prorated by days over its period (int_tolls_prorated)")
        shown = row.get(f"{outcome}_toll_prorated") if row else None
        if share is not None and shown is not None:
            where += (f" (= {outcome}_toll_prorated)" if share == shown else
                      f" (the row's {outcome}_toll_prorated, {shown}, is the larger toll: tolls are lower bounds)")
        return (prefix + f"prorated toll of {claim['counted_best']} from {claim['period_from'] or '?'} to "
                f"{claim['period_to'] or '?'}: {where}; adds to no best figure")
    best = row.get(f"{outcome}_best") if row else None
    in_incidents = row.get(f"{outcome}_in_incidents") if row else None
    rolled_up = row is not None and row["admin1"] is None and claim["admin1"] is not None
    if kind == "period_total":
        text = f"period total {claim['counted_best']}"
        if rolled_up:
            return prefix + f"{text} for {claim['admin1']}: a lower bound in its admin1 row, rolled up here"
        if best is None:
            return prefix + f"{text}: a lower bound for its month cell"
        if claim["counted_best"] == best and best > (in_incidents or 0):
            return prefix + f"{text}: the lower bound that sets {outcome}_best ({best})"
        if claim["counted_best"] == best:
            return prefix + f"{text}: equal to the incidents' sum ({in_incidents}); adds nothing more"
        return prefix + f"{text}: inside a larger figure ({outcome}_best {best}); adds nothing more"
    incident = incidents.get(claim["incident_id"] or "")
    if incident is None:
        return prefix + "incident report: counted in its incident"
    lead = incident.get(f"{outcome}_lead_claim_id")
    reports = incident["report_count"]
    if role == "breakdown":
        text = f"part of incident {incident['incident_id']}"
    elif lead == claim["claim_id"]:
        text = (f"added as incident {incident['incident_id']} ({reports} article{'s' if reports != 1 else ''}, "
                f"{incident['source_count']} outlet{'s' if incident['source_count'] != 1 else ''}): "
                f"its largest {outcome} report, {incident[f'{outcome}_best']}")
    elif claim.get("is_party_claim"):
        text = (f"a side's claim of the other side's losses, merged into incident {incident['incident_id']} "
                f"({claim['merge_reason']}); the incident counts the other reports' largest "
                f"({incident[f'{outcome}_best']}) once, and this claim raises only its high")
    else:
        text = (f"merged into incident {incident['incident_id']} ({claim['merge_reason']}); the incident counts "
                f"its largest report ({incident[f'{outcome}_best']}) once")
    if best is not None and in_incidents is not None and best > in_incidents:
        text += (f"; inside a larger total: {outcome}_best {best} comes from a period total "
                 f"above the incidents' sum {in_incidents}")
    return prefix + text


# -- printing ----------------------------------------------------------------------------------


def _print_claim(claim: dict, how: str) -> None:
    click.echo(f"  - {claim['claim_id']}  {claim['outcome']} {_value(claim)}  [{claim['scope']}]")
    click.echo(f"    article {claim['article_id']} · {claim['source'] or 'unknown outlet'} · "
               f"published {claim['published'] or 'unknown'} · {_when(claim)} · {_where(claim)}")
    sentence = (claim["sentence"] or claim["quote"] or "").replace("\n", " ").strip()
    click.echo(f'    "{sentence}"')
    click.echo(f"    how it counted: {how}")


def _figures_line(row: dict, outcome: str) -> str:
    figures = "  ".join(f"{outcome}_{name} {'open' if row[f'{outcome}_{name}'] is None else row[f'{outcome}_{name}']}"
                        for name in FIGURES)
    total = row[f"{outcome}_reported_total"]
    return (f"  {figures}   (in incidents {row[f'{outcome}_in_incidents']}; largest period total "
            f"{'none' if total is None else total}; prorated toll {row[f'{outcome}_toll_prorated']})")


def _incidents_by_id(con: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, dict]:
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    incidents = {i["incident_id"]: i for i in _rows(con, f"select * from marts.fct_incidents where incident_id in ({marks})", list(ids))}
    for lead in _optional_rows(con, f"select incident_id, killed_lead_claim_id, wounded_lead_claim_id "
                                    f"from intermediate.int_incidents_merged where incident_id in ({marks})", list(ids)):
        incidents.get(lead["incident_id"], {}).update(lead)
    return incidents


def explain_cell(con: duckdb.DuckDBPyConnection, month_given: bool, month: dt.date | None, country: str,
                 admin1: str | None, victim_class: str | None) -> None:
    if not month_given:
        raise click.UsageError("give --month YYYY-MM (or --actor NAME)")
    where = ["month is not distinct from ?", "country = ?", "admin1 is not distinct from ?"]
    params: list = [month, country, admin1]
    if victim_class:
        where.append("victim_class = ?")
        params.append(victim_class)
    rows = _rows(con, f"select * from marts.mart_monthly_casualties where {' and '.join(where)} order by victim_class", params)
    label = f"{_month_text(month)} · {country} · {admin1 or 'country-wide'}" + (f" · {victim_class}" if victim_class else "")
    if not rows:
        raise ExplainError(f"no row of mart_monthly_casualties for {label}")
    for row in rows:
        click.echo(f"{_month_text(row['month'])} · {row['country']} · {row['admin1'] or 'country-wide (admin1 rows rolled up)'}"
                   f" · {row['victim_class']}")
        click.echo(_figures_line(row, "killed"))
        click.echo(_figures_line(row, "wounded"))
        click.echo(f"  claims {row['claims']} · incidents {row['incidents']} · articles {row['articles']} · sources {row['sources']}")
        scope = "country = ?" + ("" if row["admin1"] is None else " and admin1 = ?")
        scope_params = [row["country"]] + ([] if row["admin1"] is None else [row["admin1"]])
        landed = _rows(con, f"""select * from marts.fct_casualty_claims
                                where month is not distinct from ? and {scope} and victim_class = ?
                                order by counting_role = 'excluded', published, char_start""",
                       [row["month"], *scope_params, row["victim_class"]])
        parts = _optional_rows(con, f"""select claim_id, prorated_value from intermediate.int_tolls_prorated
                                        where month is not distinct from ? and {scope} and victim_class = ?""",
                               [row["month"], *scope_params, row["victim_class"]])
        prorated = {p["claim_id"]: p["prorated_value"] for p in parts}
        missing = [claim_id for claim_id in prorated if claim_id not in {c["claim_id"] for c in landed}]
        if missing:
            marks = ", ".join("?" for _ in missing)
            landed += _rows(con, f"select * from marts.fct_casualty_claims where claim_id in ({marks}) order by published, char_start", missing)
        incidents = _incidents_by_id(con, {c["incident_id"] for c in landed if c["incident_id"]})
        click.echo(f"  the claims behind it ({len(landed)}):")
        for claim in landed:
            _print_claim(claim, how_counted(claim, row, incidents, prorated))
        click.echo("")


def _find_actor(con: duckdb.DuckDBPyConnection, name: str) -> dict:
    wanted = name.strip().lower()
    for actor in _rows(con, "select * from marts.dim_actors order by actor_id"):
        names = {actor["actor_id"], actor["actor"], *(actor["aliases"] or "").split("|")}
        if wanted in {n.strip().lower() for n in names if n}:
            return actor
    raise ExplainError(f"no actor named '{name}' in dim_actors (canonical name, id or alias)")


def explain_actor(con: duckdb.DuckDBPyConnection, name: str, month_given: bool, month: dt.date | None) -> None:
    actor = _find_actor(con, name)
    where, params = "actor_id = ?", [actor["actor_id"]]
    if month_given:
        where += " and month is not distinct from ?"
        params.append(month)
    rows = _rows(con, f"select * from marts.mart_monthly_actor_activity where {where} order by month nulls first", params)
    click.echo(f"{actor['actor']} ({actor['actor_id']}, {actor['actor_type']}); aliases: {actor['aliases'] or 'none'}")
    if not rows:
        raise ExplainError(f"no activity of {actor['actor']}" + (f" in {_month_text(month)}" if month_given else ""))
    for row in rows:
        click.echo(f"{_month_text(row['month'])}: articles {row['articles']} · mentions {row['mentions']} · "
                   f"claims_as_victim {row['claims_as_victim']} · claims_as_perpetrator {row['claims_as_perpetrator']} · "
                   f"incidents {row['incidents']} · killed_among_members {row['killed_among_members']}")
        articles = _optional_rows(con, """select article_id, source, published, count(*) as mentions,
                                                 string_agg(distinct surface_text, ', ') as names
                                          from intermediate.int_mentions_canonicalised
                                          where actor_id = ? and publication_month is not distinct from ?
                                          group by article_id, source, published order by published, article_id""",
                                  [actor["actor_id"], row["month"]])
        for article in articles:
            click.echo(f"  article {article['article_id']} · {article['source'] or 'unknown outlet'} · published "
                       f"{article['published']}: {article['mentions']} mention(s) ({article['names']})")
        claims = _rows(con, """select * from marts.fct_casualty_claims
                               where (victim_actor_id = ? or perpetrator_actor_id = ?) and month is not distinct from ?
                               order by published, char_start""", [actor["actor_id"], actor["actor_id"], row["month"]])
        incidents = _incidents_by_id(con, {c["incident_id"] for c in claims if c["incident_id"]})
        for claim in claims:
            side = "victims" if claim["victim_actor_id"] == actor["actor_id"] else "perpetrator"
            _print_claim(claim, f"names it as {side}; " + how_counted(claim, None, incidents, {}))
        click.echo("")


@click.command("explain")
@click.option("--month", "month_text", metavar="YYYY-MM", help="Month of the row ('unknown' for claims without a date).")
@click.option("--country", default="Iraq", show_default=True, help="Country of the row ('unknown' for unplaced claims).")
@click.option("--admin1", default=None, help="Governorate, e.g. Baghdad; omit for the country-wide row.")
@click.option("--victim-class", type=click.Choice(VICTIM_CLASSES), default=None, help="Omit for every victim class.")
@click.option("--actor", default=None, metavar="NAME", help="Explain an actor's activity instead (canonical name, id or alias).")
def explain_command(month_text: str | None, country: str, admin1: str | None, victim_class: str | None,
                    actor: str | None) -> None:
    """Print the figures of a mart row and every claim behind them: article, outlet, date, the
    sentence, and how it counted (added, restatement, breakdown, inside a larger total, prorated toll)."""
    month_given, month = parse_month(month_text)
    path: Path = warehouse_path()
    if not path.exists():
        raise ExplainError(f"no warehouse at {path}: run `cwh build` first")
    try:
        with store.connect(path, read_only=True) as con:
            if actor:
                explain_actor(con, actor, month_given, month)
            else:
                explain_cell(con, month_given, month, country, admin1, victim_class)
    except duckdb.CatalogException as exc:
        raise ExplainError(f"the marts are not built in {path} ({exc}): run `cwh build`") from exc
    except store.WarehouseBusy as exc:
        raise ExplainError(str(exc)) from exc
