{#- Incremental models on the event log. A claim-level model keeps the rows of every current
    extraction (content_sha256 x extractor_version); a build adds the rows of extractions it has
    not seen (new article versions, re-extractions, an as_of / reported_by that brings one back)
    and deletes the rows of extractions that are no longer current (newer versions, retractions,
    re-extractions). Each model is per article, so adding or dropping one article's rows never
    changes another's. Changed model SQL, macros or seeds need `dbt build --full-refresh`
    (`cwh build` notices and passes it). -#}

{% macro extraction_key(prefix='') -%}
    {{ dbt.concat([prefix ~ "content_sha256", "'|'", prefix ~ "extractor_version"]) }}
{%- endmacro %}

{#- A where clause for an import CTE: in an incremental run, only extractions not yet built. -#}
{% macro only_unbuilt_extractions() -%}
    {%- if is_incremental() %}
    where {{ extraction_key() }} not in (select {{ extraction_key() }} from {{ this }})
    {%- endif -%}
{%- endmacro %}

{#- A post-hook: drop the rows of extractions that `current` (a relation holding the current
    extractions) no longer has. -#}
{% macro delete_stale_extractions(current) -%}
    delete from {{ this }}
    where {{ extraction_key() }} not in (select {{ extraction_key() }} from {{ current }})
{%- endmacro %}

{#- The incident models (int_incident_pairs_matched, int_claims_mapped_to_incidents,
    int_incidents_merged, int_incidents_split) and fct_casualty_claims are incremental too, but
    not per article: one new report can move reports of other articles into or out of an
    incident. They rebuild what a change can reach (see each model) and leave the rest as it
    was; `dbt build --full-refresh` gives the same rows (a test compares them). -#}

{#- The family of outcomes whose reports may be one incident: abductions or casualties. -#}
{% macro outcome_family(outcome) -%}
    case when {{ outcome }} in ('missing', 'kidnapped') then 'abductions' else 'casualties' end
{%- endmacro %}

{#- Days (-n .. n) as a relation with one column, day_offset. -#}
{% macro day_offsets(n) -%}
    {%- for offset in range(-n, n + 1) %}
    select {{ offset }} as day_offset{% if not loop.last %} union all{% endif %}
    {%- endfor %}
{%- endmacro %}

{#- A post-hook: drop the rows of claims that are no longer current (a newer article version,
    a retraction, a re-extraction). -#}
{% macro delete_stale_claims(current, claim_column='claim_id', key_column='extraction_key') -%}
    delete from {{ this }}
    where {{ dbt.concat([claim_column, "'|'", key_column]) }} not in (
        select {{ dbt.concat(["claim_id", "'|'", extraction_key()]) }} from {{ current }}
    )
{%- endmacro %}

{#- The start of this dbt invocation, as a timestamp literal: a watermark for the next run. -#}
{% macro build_started_at() -%}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- A post-hook: drop the rows of incidents that no longer exist. -#}
{% macro delete_vanished_incidents(current) -%}
    delete from {{ this }}
    where incident_id not in (select incident_id from {{ current }})
{%- endmacro %}
