{%- set overridable = claim_override_fields() -%}
{%- set lowered = ['outcome', 'qualifier', 'vague_term', 'victim_class', 'date_precision', 'scope'] -%}
-- Analyst corrections from seeds/claim_overrides.csv applied to the extracted claims.
-- One override row sets one field of one claim (`field`, `value`; an empty value sets null);
-- field `exclude` with value true (or empty) takes the claim out of every figure, false undoes
-- it. When a field is overridden twice, the latest `decided_on` wins.
with claims as (
    select * from {{ ref('stg_raw__claims') }}
),

claim_overrides as (
    select * from {{ ref('claim_overrides') }}
),

normalised_overrides as (
    select
        trim(claim_id) as claim_id,
        lower(trim(field)) as field,
        nullif(trim(value), '') as value,
        analyst,
        decided_on,
        reason
    from claim_overrides
    where claim_id is not null and field is not null
),

latest_overrides as (
    select
        *,
        row_number() over (
            partition by claim_id, field order by decided_on desc nulls last, analyst desc, value desc
        ) as override_rank
    from normalised_overrides
),

overrides_per_claim as (
    select
        claim_id,
        max(case when field = 'exclude' then 1 else 0 end) as has_exclude,
        max(case when field = 'exclude' then coalesce(lower(value), 'true') end) as exclude_value,
        {%- for name, type in overridable %}
        max(case when field = '{{ name }}' then 1 else 0 end) as has_{{ name }},
        max(case when field = '{{ name }}' then value end) as new_{{ name }},
        {%- endfor %}
        {{ dbt.listagg(dbt.concat(["field", "'='", "coalesce(value, '')", "' ('", "coalesce(analyst, 'unknown analyst')", "': '", "coalesce(reason, '')", "')'"]), "'; '", "order by field") }} as override_note
    from latest_overrides
    where override_rank = 1
    group by claim_id
),

applied as (
    select
        claims.claim_id,
        claims.article_id,
        claims.content_sha256,
        claims.extractor_version,
        claims.extracted_at,
        claims.published,
        claims.source,
        claims.sentence_index,
        claims.sentence_start,
        claims.sentence_end,
        claims.char_start,
        claims.char_end,
        claims.quote,
        claims.sentence,
        claims.number_text,
        claims.place_source,
        -- an analyst's place_text replaces the extractor's resolved place too
        case when overrides_per_claim.has_place_text = 1 then null else claims.extracted_place_id end
            as extracted_place_id,
        claims.ingest_run_id,
        {%- for name, type in overridable %}
        {%- if type == 'string' %}
        {%- set new_value = 'lower(overrides_per_claim.new_' ~ name ~ ')' if name in lowered else 'overrides_per_claim.new_' ~ name %}
        {%- else %}
        {%- set new_value = dbt.safe_cast('overrides_per_claim.new_' ~ name, type) %}
        {%- endif %}
        case
            when overrides_per_claim.has_{{ name }} = 1 then {{ new_value }}
            else claims.{{ name }}
        end as {{ name }},
        {%- endfor %}
        coalesce(overrides_per_claim.has_value_low, 0) + coalesce(overrides_per_claim.has_value_high, 0) > 0
            as is_value_overridden,
        coalesce(overrides_per_claim.has_exclude, 0) = 1
            and overrides_per_claim.exclude_value in ('true', 't', '1', 'yes', 'y') as is_excluded,
        overrides_per_claim.claim_id is not null as is_overridden,
        overrides_per_claim.override_note
    from claims
    left join overrides_per_claim
        on claims.claim_id = overrides_per_claim.claim_id
),

final as (
    select * from applied
)

select * from final
