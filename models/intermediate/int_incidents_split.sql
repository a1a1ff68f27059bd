{{ config(materialized='table') }}
-- Killed and wounded of every incident split by victim class and victim actor, so incidents
-- can be summed into month x place x victim-class cells. The split is the lead report's: each
-- of its breakdowns keeps its low in its own class and actor, and the lead's own class and
-- actor take the rest of the incident's figures (low, best, high minus the breakdowns' lows).
-- The parts of an incident sum to its low and best exactly.
with incidents as (
    select * from {{ ref('int_incidents_merged') }}
),

claims as (
    select * from {{ ref('int_claims_bucketed') }}
),

outcome_figures as (
    select
        incident_id,
        'killed' as outcome,
        killed_lead_claim_id as lead_claim_id,
        killed_low as figure_low,
        killed_best as figure_best,
        killed_high as figure_high,
        month,
        country,
        admin1
    from incidents
    where killed_lead_claim_id is not null
    union all
    select
        incident_id,
        'wounded' as outcome,
        wounded_lead_claim_id as lead_claim_id,
        wounded_low as figure_low,
        wounded_best as figure_best,
        wounded_high as figure_high,
        month,
        country,
        admin1
    from incidents
    where wounded_lead_claim_id is not null
),

lead_remainders as (
    select
        outcome_figures.incident_id,
        outcome_figures.outcome,
        lead_claims.claim_id as source_claim_id,
        lead_claims.victim_class,
        lead_claims.victim_actor_id,
        outcome_figures.figure_low - lead_claims.breakdown_low_sum as part_low,
        outcome_figures.figure_best - lead_claims.breakdown_low_sum as part_best,
        outcome_figures.figure_high - lead_claims.breakdown_low_sum as part_high,
        outcome_figures.month,
        outcome_figures.country,
        outcome_figures.admin1
    from outcome_figures
    inner join claims as lead_claims
        on outcome_figures.lead_claim_id = lead_claims.claim_id
),

lead_breakdowns as (
    select
        outcome_figures.incident_id,
        outcome_figures.outcome,
        breakdowns.claim_id as source_claim_id,
        breakdowns.victim_class,
        breakdowns.victim_actor_id,
        breakdowns.part_low,
        breakdowns.part_best,
        breakdowns.part_high,
        outcome_figures.month,
        outcome_figures.country,
        outcome_figures.admin1
    from outcome_figures
    inner join claims as breakdowns
        on outcome_figures.lead_claim_id = breakdowns.counting_root_claim_id
    where breakdowns.counting_role = 'breakdown'
),

unioned as (
    select * from lead_remainders
    union all
    select * from lead_breakdowns
),

final as (
    select
        {{ dbt.concat(["incident_id", "'|'", "outcome", "'|'", "source_claim_id"]) }} as incident_part_id,
        incident_id,
        outcome,
        source_claim_id,
        victim_class,
        victim_actor_id,
        part_low,
        part_best,
        part_high,
        month,
        country,
        admin1
    from unioned
)

select * from final
