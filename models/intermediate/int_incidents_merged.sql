{{ config(
    materialized='incremental',
    unique_key='incident_id',
    incremental_strategy='delete+insert',
    post_hook="{{ delete_vanished_incidents(ref('int_claims_mapped_to_incidents')) }}",
) }}
-- One row per incident. For each outcome the incident takes the largest low reported
-- (killed_low), the largest best and the largest high (null when no report gives a top, or
-- when the largest top is below the largest low: the reports then bound nothing). A side's
-- claim of the other side's losses (is_party_claim: "the Taliban said they killed 20
-- policemen") raises only the high while another report gives a low: the low and best then come
-- from the other reports. The lead report of an outcome is one not a side's claim where there is
-- one, then the one with the largest low (then best, a victim class other than
-- mixed_unknown, more breakdowns, earliest publication, claim_id); its victim class and breakdowns split the incident by victim class
-- (int_incidents_split). Place: the most specific place reported; dates: first and last event
-- date; month: of the first event date (else of the lead report's month row).
-- report_count = articles backing it; source_count = distinct outlets (an article without an
-- outlet counts as its own).
-- Incremental: an incident's row depends only on its members, and a member's figures only on
-- its extraction, so members_signature (claim, extraction and role of every member) names the
-- row's inputs; a run merges again the incidents whose signature is new or changed.
with mapping as (
    select * from {{ ref('int_claims_mapped_to_incidents') }}
),

claims as (
    select * from {{ ref('int_claims_bucketed') }}
),

places as (
    select * from {{ ref('int_places_completed') }}
),

signatures as (
    select
        incident_id,
        {{ dbt.hash(dbt.listagg(dbt.concat(["claim_id", "'|'", "extraction_key", "'|'", "merge_role"]), "','", "order by claim_id")) }}
            as members_signature
    from mapping
    group by incident_id
),

changed_incidents as (
    select signatures.*
    from signatures
    {%- if is_incremental() %}
    left join {{ this }} as merged
        on signatures.incident_id = merged.incident_id
        and signatures.members_signature = merged.members_signature
    where merged.incident_id is null
    {%- endif %}
),

members as (
    select
        mapping.incident_id,
        mapping.merge_role,
        claims.*
    from mapping
    inner join changed_incidents
        on mapping.incident_id = changed_incidents.incident_id
    inner join claims
        on mapping.claim_id = claims.claim_id
),

reports as (
    select * from members where merge_role = 'report'
),

ranked_reports as (
    select
        *,
        row_number() over (
            partition by incident_id, outcome
            order by case when is_party_claim then 1 else 0 end, report_low desc, report_best desc,
                case when victim_class = 'mixed_unknown' then 1 else 0 end,
                breakdown_count desc, published, claim_id
        ) as outcome_lead_rank,
        row_number() over (
            partition by incident_id
            order by case outcome when 'killed' then 1 when 'wounded' then 2 else 3 end,
                case when is_party_claim then 1 else 0 end, report_low desc, report_best desc, breakdown_count desc, published, claim_id
        ) as incident_lead_rank,
        row_number() over (
            partition by incident_id
            order by bucket_place_specificity desc, bucket_place_id, claim_id
        ) as place_rank
    from reports
),

sentence_figures as (
    -- parts of one event stated in one sentence ("three policemen and two soldiers") add up;
    -- different sentences and articles are different reports of the same figure, and so is
    -- another count of the event in the same sentence ("rose to 41 from 12": the 12 stands alone)
    select
        incident_id,
        outcome,
        article_id,
        sentence_index,
        is_party_claim,
        sum(report_low) as sentence_low,
        sum(report_best) as sentence_best,
        case when count(report_high) = count(*) then sum(report_high) end as sentence_high
    from reports
    group by
        incident_id,
        outcome,
        article_id,
        sentence_index,
        is_party_claim,
        case when same_event_as_claim_id is not null then claim_id end
),

outcome_figures as (
    select
        incident_id,
        outcome,
        coalesce(max(case when not is_party_claim then sentence_low end), max(sentence_low)) as figure_low,
        coalesce(max(case when not is_party_claim then sentence_best end), max(sentence_best)) as figure_best,
        max(sentence_low) as figure_low_any,
        max(sentence_high) as figure_high_reported
    from sentence_figures
    group by incident_id, outcome
),

bounded_figures as (
    select
        incident_id,
        outcome,
        figure_low,
        figure_best,
        case
            -- a side's "at least 20" above another's exact 7: nothing bounds the incident
            when figure_high_reported is null or figure_high_reported < figure_low_any then null
            when figure_high_reported < figure_best then figure_best
            else figure_high_reported
        end as figure_high
    from outcome_figures
),

leads as (
    select
        incident_id,
        outcome,
        claim_id as lead_claim_id
    from ranked_reports
    where outcome_lead_rank = 1
),

pivoted_figures as (
    select
        bounded_figures.incident_id,
        max(case when bounded_figures.outcome = 'killed' then bounded_figures.figure_low end) as killed_low,
        max(case when bounded_figures.outcome = 'killed' then bounded_figures.figure_best end) as killed_best,
        max(case when bounded_figures.outcome = 'killed' then bounded_figures.figure_high end) as killed_high,
        max(case when bounded_figures.outcome = 'wounded' then bounded_figures.figure_low end) as wounded_low,
        max(case when bounded_figures.outcome = 'wounded' then bounded_figures.figure_best end) as wounded_best,
        max(case when bounded_figures.outcome = 'wounded' then bounded_figures.figure_high end) as wounded_high,
        max(case when leads.outcome = 'killed' then leads.lead_claim_id end) as killed_lead_claim_id,
        max(case when leads.outcome = 'wounded' then leads.lead_claim_id end) as wounded_lead_claim_id
    from bounded_figures
    inner join leads
        on bounded_figures.incident_id = leads.incident_id
        and bounded_figures.outcome = leads.outcome
    group by bounded_figures.incident_id
),

incident_leads as (
    select
        incident_id,
        claim_id as lead_claim_id,
        outcome as lead_outcome,
        victim_class,
        month as lead_month
    from ranked_reports
    where incident_lead_rank = 1
),

incident_dates as (
    select
        incident_id,
        min(event_date) as event_date,
        max(event_date) as event_date_last
    from reports
    group by incident_id
),

incident_places as (
    select
        incident_id,
        bucket_place_id as place_id,
        bucket_admin1 as admin1,
        bucket_country as country
    from ranked_reports
    where place_rank = 1
),

perpetrator_counts as (
    select
        incident_id,
        perpetrator_actor_id,
        count(*) as naming_claims
    from members
    where perpetrator_actor_id is not null
    group by incident_id, perpetrator_actor_id
),

main_perpetrators as (
    select
        incident_id,
        perpetrator_actor_id,
        row_number() over (
            partition by incident_id order by naming_claims desc, perpetrator_actor_id
        ) as perpetrator_rank
    from perpetrator_counts
),

backing as (
    select
        incident_id,
        count(*) as claim_count,
        count(distinct article_id) as report_count,
        count(distinct coalesce(source, article_id)) as source_count
    from members
    group by incident_id
),

final as (
    select
        pivoted_figures.incident_id,
        incident_dates.event_date,
        incident_dates.event_date_last,
        coalesce(
            cast({{ dbt.date_trunc('month', 'incident_dates.event_date') }} as date),
            incident_leads.lead_month
        ) as month,
        incident_places.place_id,
        places.place,
        incident_places.admin1,
        incident_places.country,
        incident_leads.victim_class,
        incident_leads.lead_outcome,
        incident_leads.lead_claim_id,
        main_perpetrators.perpetrator_actor_id,
        pivoted_figures.killed_low,
        pivoted_figures.killed_best,
        pivoted_figures.killed_high,
        pivoted_figures.wounded_low,
        pivoted_figures.wounded_best,
        pivoted_figures.wounded_high,
        pivoted_figures.killed_lead_claim_id,
        pivoted_figures.wounded_lead_claim_id,
        backing.report_count,
        backing.source_count,
        backing.claim_count,
        changed_incidents.members_signature
    from pivoted_figures
    inner join changed_incidents
        on pivoted_figures.incident_id = changed_incidents.incident_id
    inner join incident_dates
        on pivoted_figures.incident_id = incident_dates.incident_id
    inner join incident_places
        on pivoted_figures.incident_id = incident_places.incident_id
    inner join backing
        on pivoted_figures.incident_id = backing.incident_id
    inner join incident_leads
        on pivoted_figures.incident_id = incident_leads.incident_id
    left join places
        on incident_places.place_id = places.place_id
    left join main_perpetrators
        on pivoted_figures.incident_id = main_perpetrators.incident_id
        and main_perpetrators.perpetrator_rank = 1
)

select * from final
