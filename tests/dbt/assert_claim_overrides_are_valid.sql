{{ config(severity='warn') }}
-- Every row of seeds/claim_overrides.csv names a known field, a value of the field's type and
-- a claim of the current extraction (a claim can disappear when an article is re-extracted:
-- a warning, so the analyst re-checks the override).
{#- the overridable fields (macros/claim_overrides.sql), typed or text, and `exclude` -#}
{%- set typed_fields = {'exclude': 'boolean'} %}
{%- set text_fields = [] %}
{%- for name, type in claim_override_fields() %}
    {%- if type == 'string' %}{% do text_fields.append(name) %}{% else %}{% do typed_fields.update({name: type}) %}{% endif %}
{%- endfor %}
with claim_overrides as (
    select * from {{ ref('claim_overrides') }}
),

claims as (
    select * from {{ ref('stg_raw__claims') }}
),

normalised as (
    select
        claim_id,
        lower(trim(field)) as field,
        nullif(trim(value), '') as value,
        analyst,
        decided_on,
        reason
    from claim_overrides
),

checked as (
    select
        normalised.*,
        case
            when normalised.field not in (
                {%- for name in typed_fields.keys() | list + text_fields %}'{{ name }}'{{ ',' if not loop.last }}{% endfor -%}
            ) then 'unknown field'
            {%- for name, type in typed_fields.items() %}
            when normalised.field = '{{ name }}' and normalised.value is not null
                and {{ dbt.safe_cast('normalised.value', type) }} is null then 'value is not a {{ type }}'
            {%- endfor %}
            when claims.claim_id is null then 'no such claim in the current extraction'
        end as problem
    from normalised
    left join claims
        on normalised.claim_id = claims.claim_id
),

final as (
    select * from checked where problem is not null
)

select * from final
