{{ config(materialized='table') }}
-- The figures of every cell (month x country x admin1 x victim_class x outcome) before the
-- roll-up. admin1 null here means claims placed at country level only ("across Iraq"); they
-- feed the country-wide row and no admin1 row.
--   incident_*  sums over the incident parts in the cell (incident_unbounded: parts with no top)
--   total_*     the largest period total stated for a period inside the cell's month and a
--               place inside the cell (its share in the cell plus its breakdowns' there): a
--               lower bound for the cell
--   toll_prorated  the largest prorated toll in the cell (likewise with its breakdowns): tolls
--               are lower bounds for their area and period, and two tolls for one place are
--               usually the same toll twice
with incident_parts as (
    select * from {{ ref('int_incidents_split') }}
),

claims as (
    select * from {{ ref('int_claims_bucketed') }}
),

toll_parts as (
    select * from {{ ref('int_tolls_prorated') }}
),

incident_figures as (
    select
        month,
        country,
        admin1,
        victim_class,
        outcome,
        sum(part_low) as incident_low,
        sum(part_best) as incident_best,
        sum(part_high) as incident_high,
        sum(case when part_high is null then 1 else 0 end) as incident_unbounded
    from incident_parts
    group by month, country, admin1, victim_class, outcome
),

period_total_statements as (
    -- a period total and its breakdowns are one statement: its parts in one cell add up
    -- ("23 killed across Iraq on Tuesday ... a policeman in Kirkuk ... a pupil in Mosul")
    select
        month,
        bucket_country as country,
        bucket_admin1 as admin1,
        victim_class,
        outcome,
        counting_root_claim_id,
        sum(part_low) as statement_low,
        sum(part_best) as statement_best,
        case when count(part_high) = count(*) then sum(part_high) end as statement_high
    from claims
    where figure_kind = 'period_total'
      and counting_role in ('counted', 'breakdown')
    group by month, bucket_country, bucket_admin1, victim_class, outcome, counting_root_claim_id
),

admin1_subtotals as (
    -- a breakdown of a country-wide period total that names an admin1 is also a lower bound for
    -- that admin1's cell (the total's statement stays whole in the country-wide row)
    select
        month,
        bucket_country as country,
        subtotal_admin1 as admin1,
        victim_class,
        outcome,
        claim_id as counting_root_claim_id,
        part_low as statement_low,
        part_best as statement_best,
        part_high as statement_high
    from claims
    where subtotal_admin1 is not null
),

statements as (
    select * from period_total_statements
    union all
    select * from admin1_subtotals
),

period_total_figures as (
    select
        month,
        country,
        admin1,
        victim_class,
        outcome,
        max(statement_low) as total_low,
        max(statement_best) as total_best,
        max(statement_high) as total_high,
        sum(case when statement_high is null then 1 else 0 end) as total_unbounded
    from statements
    group by month, country, admin1, victim_class, outcome
),

toll_statements as (
    -- likewise a toll's breakdowns: their prorated parts in one cell add up
    select
        month,
        country,
        admin1,
        victim_class,
        outcome,
        counting_root_claim_id,
        sum(prorated_value) as statement_prorated
    from toll_parts
    group by month, country, admin1, victim_class, outcome, counting_root_claim_id
),

toll_figures as (
    select
        month,
        country,
        admin1,
        victim_class,
        outcome,
        max(statement_prorated) as toll_prorated
    from toll_statements
    group by month, country, admin1, victim_class, outcome
),

keyed_incidents as (
    select *, {{ cell_key(['month', 'country', 'admin1', 'victim_class', 'outcome']) }} as cell_key
    from incident_figures
),

keyed_totals as (
    select *, {{ cell_key(['month', 'country', 'admin1', 'victim_class', 'outcome']) }} as cell_key
    from period_total_figures
),

keyed_tolls as (
    select *, {{ cell_key(['month', 'country', 'admin1', 'victim_class', 'outcome']) }} as cell_key
    from toll_figures
),

cells as (
    select cell_key, month, country, admin1, victim_class, outcome from keyed_incidents
    union
    select cell_key, month, country, admin1, victim_class, outcome from keyed_totals
    union
    select cell_key, month, country, admin1, victim_class, outcome from keyed_tolls
),

final as (
    select
        cells.cell_key,
        cells.month,
        cells.country,
        cells.admin1,
        cells.victim_class,
        cells.outcome,
        keyed_incidents.incident_low,
        keyed_incidents.incident_best,
        keyed_incidents.incident_high,
        coalesce(keyed_incidents.incident_unbounded, 0) as incident_unbounded,
        keyed_totals.total_low,
        keyed_totals.total_best,
        keyed_totals.total_high,
        coalesce(keyed_totals.total_unbounded, 0) as total_unbounded,
        keyed_tolls.toll_prorated
    from cells
    left join keyed_incidents
        on cells.cell_key = keyed_incidents.cell_key
    left join keyed_totals
        on cells.cell_key = keyed_totals.cell_key
    left join keyed_tolls
        on cells.cell_key = keyed_tolls.cell_key
)

select * from final
