-- low <= best <= high wherever a figure has the three (a null high is an open top).
-- Returns the offending claims, incidents and monthly rows.
with claims as (
    select * from {{ ref('fct_casualty_claims') }}
),

incidents as (
    select * from {{ ref('fct_incidents') }}
),

monthly as (
    select * from {{ ref('mart_monthly_casualties') }}
),

figures as (
    select 'claim value' as figure, claim_id as row_id, value_low as low, value_best as best, value_high as high from claims
    union all
    select 'claim counted', claim_id, counted_low, counted_best, counted_high from claims
    union all
    select 'incident killed', incident_id, killed_low, killed_best, killed_high from incidents
    union all
    select 'incident wounded', incident_id, wounded_low, wounded_best, wounded_high from incidents
    union all
    select 'monthly killed', cell_key, killed_low, killed_best, killed_high from monthly
    union all
    select 'monthly wounded', cell_key, wounded_low, wounded_best, wounded_high from monthly
),

final as (
    select *
    from figures
    where low > best
       or best > high
       or (low is null and best is not null)
)

select * from final
