-- Killed and wounded by month x country x admin1 x victim_class, with the country-wide
-- roll-up row (admin1 null) of every month, country and victim class. See
-- int_cells_rolled_up for the rules (incident sums vs period totals, roll-up) and
-- int_tolls_prorated for the prorated tolls.
with figures as (
    select * from {{ ref('int_cells_rolled_up') }}
),

counts as (
    select * from {{ ref('int_cells_counted') }}
),

pivoted_figures as (
    select
        cell_key,
        max(case when outcome = 'killed' then figure_low end) as killed_low,
        max(case when outcome = 'killed' then figure_best end) as killed_best,
        max(case when outcome = 'killed' then figure_high end) as killed_high,
        max(case when outcome = 'killed' then 1 else 0 end) as has_killed,
        max(case when outcome = 'wounded' then figure_low end) as wounded_low,
        max(case when outcome = 'wounded' then figure_best end) as wounded_best,
        max(case when outcome = 'wounded' then figure_high end) as wounded_high,
        max(case when outcome = 'wounded' then 1 else 0 end) as has_wounded,
        max(case when outcome = 'killed' then reported_total end) as killed_reported_total,
        max(case when outcome = 'wounded' then reported_total end) as wounded_reported_total,
        max(case when outcome = 'killed' then in_incidents end) as killed_in_incidents,
        max(case when outcome = 'wounded' then in_incidents end) as wounded_in_incidents,
        max(case when outcome = 'killed' then toll_prorated end) as killed_toll_prorated,
        max(case when outcome = 'wounded' then toll_prorated end) as wounded_toll_prorated
    from figures
    where outcome in ('killed', 'wounded')
    group by cell_key
),

cells as (
    select cell_key, month, country, admin1, victim_class from figures
    union
    select cell_key, month, country, admin1, victim_class from counts
),

final as (
    select
        cells.cell_key,
        cells.month,
        cells.country,
        cells.admin1,
        cells.victim_class,
        cells.admin1 is null as is_country_wide,
        cast(coalesce(pivoted_figures.killed_low, 0) as bigint) as killed_low,
        cast(coalesce(pivoted_figures.killed_best, 0) as bigint) as killed_best,
        cast(case
            when coalesce(pivoted_figures.has_killed, 0) = 0 then 0
            else pivoted_figures.killed_high
        end as bigint) as killed_high,
        cast(coalesce(pivoted_figures.wounded_low, 0) as bigint) as wounded_low,
        cast(coalesce(pivoted_figures.wounded_best, 0) as bigint) as wounded_best,
        cast(case
            when coalesce(pivoted_figures.has_wounded, 0) = 0 then 0
            else pivoted_figures.wounded_high
        end as bigint) as wounded_high,
        cast(pivoted_figures.killed_reported_total as bigint) as killed_reported_total,
        cast(pivoted_figures.wounded_reported_total as bigint) as wounded_reported_total,
        cast(coalesce(pivoted_figures.killed_in_incidents, 0) as bigint) as killed_in_incidents,
        cast(coalesce(pivoted_figures.wounded_in_incidents, 0) as bigint) as wounded_in_incidents,
        cast(coalesce(pivoted_figures.killed_toll_prorated, 0) as bigint) as killed_toll_prorated,
        cast(coalesce(pivoted_figures.wounded_toll_prorated, 0) as bigint) as wounded_toll_prorated,
        cast(coalesce(counts.claims, 0) as bigint) as claims,
        cast(coalesce(counts.incidents, 0) as bigint) as incidents,
        cast(coalesce(counts.articles, 0) as bigint) as articles,
        cast(coalesce(counts.sources, 0) as bigint) as sources
    from cells
    left join pivoted_figures
        on cells.cell_key = pivoted_figures.cell_key
    left join counts
        on cells.cell_key = counts.cell_key
)

select * from final
