{{ config(
    materialized='incremental',
    post_hook="{{ delete_stale_extractions(ref('int_claims_reconciled')) }}",
) }}
-- Every claim into its month row (month x country x admin1 x victim_class) and its kind of
-- figure. A breakdown lands with its parent's place and dates (it refines who, not where or
-- when), in its own victim class.
--   incident      month of event_date; without one, the month of a period lying inside one
--                 month; else month null (the unknown row).
--   period_total  a total for a period (or one day) inside one calendar month: a lower bound
--                 for that month's cell; month of the period.
--   toll          a cumulative toll, or a period total spanning several months: kept out of
--                 every best figure and prorated by days over effective_start..effective_end
--                 (int_tolls_prorated); it lands in the month of effective_end. A cumulative
--                 toll without a start ("since the war began") cannot be prorated: month null.
-- A period runs from period_start (a period total without one starts on its event_date) to
-- period_end, else event_date, else the publication date (a running toll is as of publication).
with claims as (
    select * from {{ ref('int_claims_reconciled') }}
    {{- only_unbuilt_extractions() }}
),

roots as (
    -- read from the model, not from claims: a CTE read twice is materialised whole, and these
    -- columns are narrow (a breakdown's root is a claim of its own extraction)
    select
        claim_id as root_claim_id,
        counting_scope as root_scope,
        event_date as root_event_date,
        period_start as root_period_start,
        period_end as root_period_end,
        published as root_published,
        place_id as root_place_id,
        place_specificity as root_place_specificity,
        admin1 as root_admin1,
        country as root_country
    from {{ ref('int_claims_reconciled') }}
    where counting_role = 'counted'
    {%- if is_incremental() %}
      and {{ extraction_key() }} not in (select {{ extraction_key() }} from {{ this }})
    {%- endif %}
),

based as (
    select
        claims.*,
        roots.root_claim_id is not null
            and claims.counting_role in ('breakdown', 'nested_breakdown') as follows_root,
        roots.root_scope,
        roots.root_event_date,
        roots.root_period_start,
        roots.root_period_end,
        roots.root_published,
        roots.root_place_id,
        roots.root_place_specificity,
        roots.root_admin1,
        roots.root_country
    from claims
    left join roots
        on claims.counting_root_claim_id = roots.root_claim_id
),

basis as (
    select
        *,
        case when follows_root then root_scope else coalesce(counting_scope, scope) end as basis_scope,
        case when follows_root then root_event_date else event_date end as basis_event_date,
        case when follows_root then root_period_start else period_start end as basis_period_start,
        case when follows_root then root_period_end else period_end end as basis_period_end,
        case when follows_root then root_published else published end as basis_published,
        case when follows_root then root_place_id else place_id end as bucket_place_id,
        case when follows_root then root_place_specificity else place_specificity end as bucket_place_specificity,
        case when follows_root then root_admin1 else admin1 end as bucket_admin1,
        case when follows_root then root_country else country end as bucket_country
    from based
),

periods as (
    select
        *,
        case
            when basis_scope = 'cumulative' then basis_period_start
            when basis_scope = 'period_total' then coalesce(basis_period_start, basis_event_date, basis_period_end)
        end as period_from,
        case
            when basis_scope in ('cumulative', 'period_total')
                then coalesce(basis_period_end, basis_event_date, basis_published)
        end as period_to
    from basis
),

effective_periods as (
    select
        *,
        period_from as effective_start,
        case when period_to < period_from then period_from else period_to end as effective_end
    from periods
),

classified as (
    select
        *,
        case
            when counting_role not in ('counted', 'breakdown') then null
            when basis_scope = 'cumulative' then 'toll'
            when basis_scope = 'period_total'
                and effective_start is not null
                and {{ dbt.date_trunc('month', 'effective_start') }} <> {{ dbt.date_trunc('month', 'effective_end') }}
                then 'toll'
            when basis_scope = 'period_total' then 'period_total'
            else 'incident'
        end as figure_kind,
        case
            when basis_scope in ('cumulative', 'period_total')
                then cast({{ dbt.date_trunc('month', 'effective_end') }} as date)
            when basis_event_date is not null
                then cast({{ dbt.date_trunc('month', 'basis_event_date') }} as date)
            when {{ dbt.date_trunc('month', 'basis_period_start') }} = {{ dbt.date_trunc('month', 'basis_period_end') }}
                then cast({{ dbt.date_trunc('month', 'basis_period_start') }} as date)
        end as bucket_month
    from effective_periods
),

final as (
    select
        *,
        -- An unprorateable toll (no start) has no month either.
        case
            when basis_scope in ('cumulative', 'period_total') and effective_start is null then null
            else bucket_month
        end as month,
        -- "702 civilians were killed in November ... Baghdad: 287 killed": the admin1 a breakdown of
        -- a country-wide period total names, where it is a lower bound too (int_cells_aggregated)
        case
            when figure_kind = 'period_total'
                and counting_role = 'breakdown'
                and bucket_admin1 is null
                and country = bucket_country
                then admin1
        end as subtotal_admin1,
        -- when this build added the row: int_incident_pairs_matched pairs the reports added since it last ran
        {{ build_started_at() }} as bucketed_at
    from classified
)

select * from final
