{{ config(materialized='table') }}
-- Cell figures resolved and rolled up to the country (per outcome):
--   admin1 row        low  = greatest(sum of incident lows, largest period total low);
--                     best likewise; high = greatest(sum of incident highs, largest total high),
--                     null (no top) when any incident part or period total in the cell has none.
--   country-wide row  (admin1 null) low = greatest(sum of the admin1 rows' lows + the
--                     country-level incidents' lows, largest country-level period total);
--                     best and high likewise. Tolls: greatest(sum of the admin1 rows' prorated
--                     tolls, largest country-level prorated toll).
-- in_incidents keeps the incident sum alone (best), so the share of a figure that rests on
-- period totals shows.
with cells as (
    select * from {{ ref('int_cells_aggregated') }}
),

admin1_rows as (
    select
        month,
        country,
        admin1,
        victim_class,
        outcome,
        case
            when coalesce(incident_low, 0) > coalesce(total_low, 0) then coalesce(incident_low, 0)
            else coalesce(total_low, 0)
        end as figure_low,
        case
            when coalesce(incident_best, 0) > coalesce(total_best, 0) then coalesce(incident_best, 0)
            else coalesce(total_best, 0)
        end as figure_best,
        case
            when incident_unbounded > 0 or total_unbounded > 0 then null
            when coalesce(incident_high, 0) > coalesce(total_high, 0) then coalesce(incident_high, 0)
            else coalesce(total_high, 0)
        end as figure_high,
        total_low as reported_total,
        coalesce(incident_best, 0) as in_incidents,
        coalesce(toll_prorated, 0) as toll_prorated
    from cells
    where admin1 is not null
),

admin1_sums as (
    select
        {{ cell_key(['month', 'country', 'victim_class', 'outcome']) }} as country_key,
        month,
        country,
        victim_class,
        outcome,
        sum(figure_low) as sum_low,
        sum(figure_best) as sum_best,
        sum(figure_high) as sum_high,
        sum(case when figure_high is null then 1 else 0 end) as unbounded_rows,
        sum(in_incidents) as sum_in_incidents,
        sum(toll_prorated) as sum_toll_prorated
    from admin1_rows
    group by month, country, victim_class, outcome
),

country_level as (
    select
        {{ cell_key(['month', 'country', 'victim_class', 'outcome']) }} as country_key,
        *
    from cells
    where admin1 is null
),

country_keys as (
    select country_key, month, country, victim_class, outcome from admin1_sums
    union
    select country_key, month, country, victim_class, outcome from country_level
),

country_inputs as (
    select
        country_keys.month,
        country_keys.country,
        country_keys.victim_class,
        country_keys.outcome,
        coalesce(admin1_sums.sum_low, 0) + coalesce(country_level.incident_low, 0) as summed_low,
        coalesce(admin1_sums.sum_best, 0) + coalesce(country_level.incident_best, 0) as summed_best,
        coalesce(admin1_sums.sum_high, 0) + coalesce(country_level.incident_high, 0) as summed_high,
        coalesce(admin1_sums.unbounded_rows, 0)
            + coalesce(country_level.incident_unbounded, 0)
            + coalesce(country_level.total_unbounded, 0) as unbounded_inputs,
        coalesce(country_level.total_low, 0) as country_total_low,
        coalesce(country_level.total_best, 0) as country_total_best,
        coalesce(country_level.total_high, 0) as country_total_high,
        country_level.total_low as reported_total,
        coalesce(admin1_sums.sum_in_incidents, 0) + coalesce(country_level.incident_best, 0) as in_incidents,
        coalesce(admin1_sums.sum_toll_prorated, 0) as admin1_toll_prorated,
        coalesce(country_level.toll_prorated, 0) as country_toll_prorated
    from country_keys
    left join admin1_sums
        on country_keys.country_key = admin1_sums.country_key
    left join country_level
        on country_keys.country_key = country_level.country_key
),

country_rows as (
    select
        month,
        country,
        cast(null as {{ dbt.type_string() }}) as admin1,
        victim_class,
        outcome,
        case when summed_low > country_total_low then summed_low else country_total_low end as figure_low,
        case when summed_best > country_total_best then summed_best else country_total_best end as figure_best,
        case
            when unbounded_inputs > 0 then null
            when summed_high > country_total_high then summed_high
            else country_total_high
        end as figure_high,
        reported_total,
        in_incidents,
        case
            when admin1_toll_prorated > country_toll_prorated then admin1_toll_prorated
            else country_toll_prorated
        end as toll_prorated
    from country_inputs
),

unioned as (
    select * from admin1_rows
    union all
    select * from country_rows
),

final as (
    select
        {{ cell_key(['month', 'country', 'admin1', 'victim_class']) }} as cell_key,
        month,
        country,
        admin1,
        victim_class,
        outcome,
        cast(figure_low as bigint) as figure_low,
        cast(figure_best as bigint) as figure_best,
        cast(figure_high as bigint) as figure_high,
        cast(reported_total as bigint) as reported_total,
        cast(in_incidents as bigint) as in_incidents,
        cast(toll_prorated as bigint) as toll_prorated
    from unioned
)

select * from final
