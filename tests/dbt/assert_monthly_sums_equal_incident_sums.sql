-- The incidents of a month and country add up the same in fct_incidents and in the
-- country-wide rows of mart_monthly_casualties (killed_in_incidents, wounded_in_incidents):
-- every incident is counted once, in one month. Returns the months that differ.
with incidents as (
    select * from {{ ref('fct_incidents') }}
),

monthly as (
    select * from {{ ref('mart_monthly_casualties') }}
),

incident_sums as (
    select
        {{ cell_key(['month', 'country']) }} as month_key,
        sum(coalesce(killed_best, 0)) as killed,
        sum(coalesce(wounded_best, 0)) as wounded
    from incidents
    group by month, country
),

monthly_sums as (
    select
        {{ cell_key(['month', 'country']) }} as month_key,
        sum(killed_in_incidents) as killed,
        sum(wounded_in_incidents) as wounded
    from monthly
    where admin1 is null
    group by month, country
),

month_keys as (
    select month_key from incident_sums
    union
    select month_key from monthly_sums
),

final as (
    select
        month_keys.month_key,
        incident_sums.killed as incidents_killed,
        monthly_sums.killed as monthly_killed,
        incident_sums.wounded as incidents_wounded,
        monthly_sums.wounded as monthly_wounded
    from month_keys
    left join incident_sums
        on month_keys.month_key = incident_sums.month_key
    left join monthly_sums
        on month_keys.month_key = monthly_sums.month_key
    where coalesce(incident_sums.killed, 0) <> coalesce(monthly_sums.killed, 0)
       or coalesce(incident_sums.wounded, 0) <> coalesce(monthly_sums.wounded, 0)
)

select * from final
