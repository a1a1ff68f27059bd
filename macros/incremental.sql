{#- Incremental models on the event log. A claim-level model keeps the rows of every current
    extraction (content_sha256 x extractor_version); a build adds the rows of extractions it has
    not seen (new article versions, re-extractions, an as_of / reported_by that brings one back)
    and deletes the rows of extractions that are no longer current (newer versions, retractions,
    re-extractions). Each model is per article, so adding or dropping one article's rows never
    changes another's. Changed model SQL, macros or seeds need `dbt build --full-refresh`
    (`cwh build` notices and passes it). -#}

{% macro extraction_key() -%}
    {{ dbt.concat(["content_sha256", "'|'", "extractor_version"]) }}
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
