{{ config(
    materialized='incremental',
    unique_key='incident_id',
    incremental_strategy='delete+insert',
    post_hook="{{ delete_vanished_incidents(ref('int_incidents_merged')) }}",
) }}
-- Killed and wounded of every incident split by victim class and victim actor, so incidents
-- can be summed into month x place x victim-class cells. The split is the lead report's: each
-- of its breakdowns keeps its low in its own class and actor, and the lead's own class and
-- actor take the rest of the incident's figures (low, best, high minus the breakdowns' lows).
-- When the incident's figure is the sum of the parts stated in the lead's sentence ("killed
-- three policemen and two civilians"), each other part of that sentence keeps its own low,
-- best and high in its class too. The parts of an incident sum to its low and best exactly.
-- Incremental: an incident's split reads only its members (the lead, its breakdowns and its
-- sentence), so incidents whose members_signature is what this table holds are left as they are.
with merged_incidents as (
    select * from {{ ref('int_incidents_merged') }}
),

incidents as (
    select merged_incidents.*
    from merged_incidents
    {%- if is_incremental() %}
    left join (select distinct incident_id, members_signature from {{ this }}) as split
        on merged_incidents.incident_id = split.incident_id
        and merged_incidents.members_signature = split.members_signature
    where split.incident_id is null
    {%- endif %}
),

claims as (
    select * from {{ ref('int_claims_bucketed') }}
),

mapping as (
    select * from {{ ref('int_claims_mapped_to_incidents') }}
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
        admin1,
        members_signature
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
        admin1,
        members_signature
    from incidents
    where wounded_lead_claim_id is not null
),

lead_figures as (
    -- each outcome's figure with what the split needs of its lead report
    select
        outcome_figures.*,
        lead_claims.article_id as lead_article_id,
        lead_claims.sentence_index as lead_sentence_index,
        lead_claims.victim_class as lead_victim_class,
        lead_claims.victim_actor_id as lead_victim_actor_id,
        lead_claims.report_low as lead_report_low,
        lead_claims.report_best as lead_report_best,
        lead_claims.breakdown_low_sum as lead_breakdown_low_sum
    from outcome_figures
    inner join claims as lead_claims
        on outcome_figures.lead_claim_id = lead_claims.claim_id
),

reports as (
    select
        mapping.incident_id,
        claims.claim_id,
        claims.article_id,
        claims.sentence_index,
        claims.outcome,
        claims.victim_class,
        claims.victim_actor_id,
        claims.report_low,
        claims.report_best,
        claims.report_high
    from mapping
    inner join incidents
        on mapping.incident_id = incidents.incident_id
    inner join claims
        on mapping.claim_id = claims.claim_id
    where mapping.merge_role = 'report'
),

sentence_parts as (
    -- the other reports of the incident in the lead's sentence
    select
        lead_figures.incident_id,
        lead_figures.outcome,
        reports.claim_id,
        reports.victim_class,
        reports.victim_actor_id,
        reports.report_low,
        reports.report_best,
        reports.report_high
    from lead_figures
    inner join reports
        on lead_figures.incident_id = reports.incident_id
        and lead_figures.outcome = reports.outcome
        and lead_figures.lead_article_id = reports.article_id
        and lead_figures.lead_sentence_index = reports.sentence_index
        and lead_figures.lead_claim_id <> reports.claim_id
),

sentence_part_sums as (
    select
        incident_id,
        outcome,
        sum(report_low) as parts_low,
        sum(report_best) as parts_best,
        case when count(report_high) = count(*) then sum(report_high) end as parts_high
    from sentence_parts
    group by incident_id, outcome
),

summed_figures as (
    -- the figure is the lead sentence's sum: its other parts are split off in their own classes
    select
        lead_figures.incident_id,
        lead_figures.outcome,
        sentence_part_sums.parts_low,
        sentence_part_sums.parts_best,
        sentence_part_sums.parts_high
    from lead_figures
    inner join sentence_part_sums
        on lead_figures.incident_id = sentence_part_sums.incident_id
        and lead_figures.outcome = sentence_part_sums.outcome
    where lead_figures.figure_low = lead_figures.lead_report_low + sentence_part_sums.parts_low
      and lead_figures.figure_best = lead_figures.lead_report_best + sentence_part_sums.parts_best
),

lead_remainders as (
    select
        lead_figures.incident_id,
        lead_figures.outcome,
        lead_figures.lead_claim_id as source_claim_id,
        lead_figures.lead_victim_class as victim_class,
        lead_figures.lead_victim_actor_id as victim_actor_id,
        lead_figures.figure_low - lead_figures.lead_breakdown_low_sum
            - coalesce(summed_figures.parts_low, 0) as part_low,
        lead_figures.figure_best - lead_figures.lead_breakdown_low_sum
            - coalesce(summed_figures.parts_best, 0) as part_best,
        case
            when summed_figures.incident_id is null
                then lead_figures.figure_high - lead_figures.lead_breakdown_low_sum
            when summed_figures.parts_high is not null
                then lead_figures.figure_high - lead_figures.lead_breakdown_low_sum - summed_figures.parts_high
        end as part_high,
        lead_figures.month,
        lead_figures.country,
        lead_figures.admin1,
        lead_figures.members_signature
    from lead_figures
    left join summed_figures
        on lead_figures.incident_id = summed_figures.incident_id
        and lead_figures.outcome = summed_figures.outcome
),

split_off_claims as (
    -- parts that keep their own class: the lead's breakdowns, and the other parts of its
    -- sentence when the incident's figure is their sum
    select
        outcome_figures.incident_id,
        outcome_figures.outcome,
        breakdowns.claim_id,
        breakdowns.victim_class,
        breakdowns.victim_actor_id,
        breakdowns.part_low,
        breakdowns.part_best,
        breakdowns.part_high
    from outcome_figures
    inner join claims as breakdowns
        on outcome_figures.lead_claim_id = breakdowns.counting_root_claim_id
    where breakdowns.counting_role = 'breakdown'
    union all
    select
        sentence_parts.incident_id,
        sentence_parts.outcome,
        sentence_parts.claim_id,
        sentence_parts.victim_class,
        sentence_parts.victim_actor_id,
        sentence_parts.report_low as part_low,
        sentence_parts.report_best as part_best,
        sentence_parts.report_high as part_high
    from sentence_parts
    inner join summed_figures
        on sentence_parts.incident_id = summed_figures.incident_id
        and sentence_parts.outcome = summed_figures.outcome
),

split_off_parts as (
    select
        split_off_claims.incident_id,
        split_off_claims.outcome,
        split_off_claims.claim_id as source_claim_id,
        split_off_claims.victim_class,
        split_off_claims.victim_actor_id,
        split_off_claims.part_low,
        split_off_claims.part_best,
        split_off_claims.part_high,
        outcome_figures.month,
        outcome_figures.country,
        outcome_figures.admin1,
        outcome_figures.members_signature
    from split_off_claims
    inner join outcome_figures
        on split_off_claims.incident_id = outcome_figures.incident_id
        and split_off_claims.outcome = outcome_figures.outcome
),

unioned as (
    select * from lead_remainders
    union all
    select * from split_off_parts
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
        admin1,
        members_signature
    from unioned
)

select * from final
