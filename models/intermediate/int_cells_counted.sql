{{ config(materialized='table') }}
-- What stands behind every row of mart_monthly_casualties: claims, incidents, articles and
-- sources. A claim is behind the row it lands in (int_claims_bucketed, every role but
-- excluded: restatements and breakdowns are shown, they just add nothing) and behind every
-- month a toll of it is prorated into; an incident is behind the row its parts land in. The
-- country-wide row counts everything of the country, month and victim class once.
with claims as (
    select * from {{ ref('int_claims_bucketed') }}
),

toll_parts as (
    select * from {{ ref('int_tolls_prorated') }}
),

incident_parts as (
    select * from {{ ref('int_incidents_split') }}
),

claim_memberships as (
    select
        claim_id,
        article_id,
        coalesce(source, article_id) as source_key,
        month,
        bucket_country as country,
        bucket_admin1 as admin1,
        victim_class
    from claims
    where counting_role <> 'excluded'
    -- union all: a claim behind a row twice (its report and a toll part) counts once in the
    -- distinct counts below, so removing duplicates here would only cost time
    union all
    select
        claim_id,
        article_id,
        coalesce(source, article_id) as source_key,
        month,
        country,
        admin1,
        victim_class
    from toll_parts
    union all
    -- a country-wide total's breakdown naming an admin1 is behind that admin1's row too
    -- (int_cells_aggregated: a lower bound there)
    select
        claim_id,
        article_id,
        coalesce(source, article_id) as source_key,
        month,
        bucket_country as country,
        subtotal_admin1 as admin1,
        victim_class
    from claims
    where subtotal_admin1 is not null
),

incident_memberships as (
    select distinct
        incident_id,
        month,
        country,
        admin1,
        victim_class
    from incident_parts
),

admin1_claim_counts as (
    select
        {{ cell_key(['month', 'country', 'admin1', 'victim_class']) }} as cell_key,
        month,
        country,
        admin1,
        victim_class,
        count(distinct claim_id) as claims,
        count(distinct article_id) as articles,
        count(distinct source_key) as sources
    from claim_memberships
    where admin1 is not null
    group by month, country, admin1, victim_class
),

country_claim_counts as (
    select
        {{ cell_key(['month', 'country', 'cast(null as ' ~ dbt.type_string() ~ ')', 'victim_class']) }} as cell_key,
        month,
        country,
        cast(null as {{ dbt.type_string() }}) as admin1,
        victim_class,
        count(distinct claim_id) as claims,
        count(distinct article_id) as articles,
        count(distinct source_key) as sources
    from claim_memberships
    group by month, country, victim_class
),

admin1_incident_counts as (
    select
        {{ cell_key(['month', 'country', 'admin1', 'victim_class']) }} as cell_key,
        month,
        country,
        admin1,
        victim_class,
        count(distinct incident_id) as incidents
    from incident_memberships
    where admin1 is not null
    group by month, country, admin1, victim_class
),

country_incident_counts as (
    select
        {{ cell_key(['month', 'country', 'cast(null as ' ~ dbt.type_string() ~ ')', 'victim_class']) }} as cell_key,
        month,
        country,
        cast(null as {{ dbt.type_string() }}) as admin1,
        victim_class,
        count(distinct incident_id) as incidents
    from incident_memberships
    group by month, country, victim_class
),

claim_counts as (
    select * from admin1_claim_counts
    union all
    select * from country_claim_counts
),

incident_counts as (
    select * from admin1_incident_counts
    union all
    select * from country_incident_counts
),

cells as (
    select cell_key, month, country, admin1, victim_class from claim_counts
    union
    select cell_key, month, country, admin1, victim_class from incident_counts
),

final as (
    select
        cells.cell_key,
        cells.month,
        cells.country,
        cells.admin1,
        cells.victim_class,
        cast(coalesce(claim_counts.claims, 0) as bigint) as claims,
        cast(coalesce(incident_counts.incidents, 0) as bigint) as incidents,
        cast(coalesce(claim_counts.articles, 0) as bigint) as articles,
        cast(coalesce(claim_counts.sources, 0) as bigint) as sources
    from cells
    left join claim_counts
        on cells.cell_key = claim_counts.cell_key
    left join incident_counts
        on cells.cell_key = incident_counts.cell_key
)

select * from final
