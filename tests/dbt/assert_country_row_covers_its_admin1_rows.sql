-- The country-wide row is at least the sum of its admin1 rows' incidents (and of their best
-- figures and prorated tolls), for killed and wounded. Returns the offending country-wide rows.
with monthly as (
    select * from {{ ref('mart_monthly_casualties') }}
),

admin1_sums as (
    select
        {{ cell_key(['month', 'country', 'victim_class']) }} as country_key,
        sum(killed_in_incidents) as killed_in_incidents,
        sum(killed_best) as killed_best,
        sum(killed_toll_prorated) as killed_toll_prorated,
        sum(wounded_in_incidents) as wounded_in_incidents,
        sum(wounded_best) as wounded_best,
        sum(wounded_toll_prorated) as wounded_toll_prorated
    from monthly
    where admin1 is not null
    group by month, country, victim_class
),

country_rows as (
    select
        {{ cell_key(['month', 'country', 'victim_class']) }} as country_key,
        *
    from monthly
    where admin1 is null
),

final as (
    select
        country_rows.cell_key,
        country_rows.killed_best,
        admin1_sums.killed_in_incidents as admin1_killed_in_incidents,
        admin1_sums.killed_best as admin1_killed_best,
        country_rows.wounded_best,
        admin1_sums.wounded_in_incidents as admin1_wounded_in_incidents
    from admin1_sums
    left join country_rows
        on admin1_sums.country_key = country_rows.country_key
    where country_rows.country_key is null
       or country_rows.killed_best < admin1_sums.killed_in_incidents
       or country_rows.killed_best < admin1_sums.killed_best
       or country_rows.killed_toll_prorated < admin1_sums.killed_toll_prorated
       or country_rows.wounded_best < admin1_sums.wounded_in_incidents
       or country_rows.wounded_best < admin1_sums.wounded_best
       or country_rows.wounded_toll_prorated < admin1_sums.wounded_toll_prorated
)

select * from final
