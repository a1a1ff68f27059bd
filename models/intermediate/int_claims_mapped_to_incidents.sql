{{ config(
    materialized='incremental',
    unique_key='claim_id',
    incremental_strategy='delete+insert',
    post_hook="{{ delete_stale_claims(ref('int_claims_bucketed')) }}",
) }}
-- Claim -> incident, with the reason. Incidents grow from anchors over the report pairs of
-- int_incident_pairs_matched: every report takes the earliest (event date, claim_id) label
-- among itself and its partners' labels, for var incident_merge_rounds rounds (no recursive
-- SQL), accepting only labels dated at most a day before its own event date. So an incident
-- spans at most two days, and a chain of daily reports at one place ("5 killed in Baghdad" on
-- the 1st, 2nd, 3rd ...) is not one incident. The incident_id is the claim_id of the anchor,
-- its earliest report. A report without partners is an incident of its own. A breakdown
-- follows its parent's incident and a restatement the incident of the claim it restates.
--
-- Incremental: pairs only join reports of one (country, outcome family) at most a day apart,
-- and each round moves a label one pair further, so a report that is new or gone can change
-- the mapping only within `reach` days of its own (rounds, plus a day for the anchor and a day
-- for a partner's incident in merge_reason). An incremental run maps again the reports within
-- reach of a change, propagating over the reports within twice that (what those labels read),
-- and keeps every other row.
{% set reach = var('incident_merge_rounds') + 2 %}
with claims as (
    select * from {{ ref('int_claims_bucketed') }}
),

pairs as (
    select * from {{ ref('int_incident_pairs_matched') }}
),

all_reports as (
    select
        claim_id,
        {{ extraction_key() }} as extraction_key,
        event_date,
        bucket_place_id as place_id,
        bucket_country as country,
        {{ outcome_family('outcome') }} as outcome_family
    from claims
    where counting_role = 'counted'
      and figure_kind = 'incident'
),

{% if is_incremental() %}
mapped_reports as (
    select claim_id, extraction_key, event_date, country, outcome_family
    from {{ this }}
    where merge_role = 'report'
),

changed_reports as (
    -- reports new since the last run (or re-extracted) and reports gone from the log
    select
        coalesce(all_reports.claim_id, mapped_reports.claim_id) as claim_id,
        all_reports.claim_id is not null as is_new,
        coalesce(all_reports.country, mapped_reports.country) as country,
        coalesce(all_reports.outcome_family, mapped_reports.outcome_family) as outcome_family,
        coalesce(all_reports.event_date, mapped_reports.event_date) as event_date
    from all_reports
    full outer join mapped_reports
        on all_reports.claim_id = mapped_reports.claim_id
        and all_reports.extraction_key = mapped_reports.extraction_key
    where all_reports.claim_id is null
       or mapped_reports.claim_id is null
),

changed_days as (
    select distinct country, outcome_family, event_date
    from changed_reports
    where event_date is not null
),

reached_days as (
    select
        changed_days.country,
        changed_days.outcome_family,
        cast({{ dbt.dateadd('day', 'offsets.day_offset', 'changed_days.event_date') }} as date) as event_date,
        min(abs(offsets.day_offset)) as distance
    from changed_days
    cross join ({{ day_offsets(2 * reach) }}) as offsets
    group by 1, 2, 3
),

reports as (
    -- what the labels read: the reports within twice the reach of a change, and new reports
    -- that never pair (no date or no country)
    select
        all_reports.*,
        coalesce(reached_days.distance <= {{ reach }}, true) as is_remapped
    from all_reports
    left join reached_days
        on all_reports.country = reached_days.country
        and all_reports.outcome_family = reached_days.outcome_family
        and all_reports.event_date = reached_days.event_date
    where reached_days.event_date is not null
       or all_reports.claim_id in (select claim_id from changed_reports where is_new)
),

context_pairs as (
    select pairs.*
    from pairs
    inner join reports as this_report
        on pairs.claim_id = this_report.claim_id
    inner join reports as other_report
        on pairs.other_claim_id = other_report.claim_id
),
{% else %}
reports as (
    select
        *,
        true as is_remapped
    from all_reports
),

context_pairs as (
    select * from pairs
),
{% endif %}

undirected_edges as (
    select claim_id, event_date as own_date, other_claim_id, days_apart, place_relation, pair_reason from context_pairs
    union all
    select other_claim_id as claim_id, other_event_date as own_date, claim_id as other_claim_id, days_apart, place_relation, pair_reason
    from context_pairs
),

labels_0 as (
    select
        claim_id,
        coalesce(event_date, cast('9999-12-31' as date)) as label_date,
        claim_id as label_id
    from reports
),
{% for round in range(1, var('incident_merge_rounds') + 1) %}
label_candidates_{{ round }} as (
    select claim_id, label_date, label_id
    from labels_0
    union all
    select
        undirected_edges.claim_id,
        neighbour_labels.label_date,
        neighbour_labels.label_id
    from undirected_edges
    inner join labels_{{ round - 1 }} as neighbour_labels
        on undirected_edges.other_claim_id = neighbour_labels.claim_id
    where neighbour_labels.label_date >= cast({{ dbt.dateadd('day', -1, 'undirected_edges.own_date') }} as date)
),

ranked_label_candidates_{{ round }} as (
    select
        *,
        row_number() over (partition by claim_id order by label_date, label_id) as label_rank
    from label_candidates_{{ round }}
),

labels_{{ round }} as (
    select claim_id, label_date, label_id
    from ranked_label_candidates_{{ round }}
    where label_rank = 1
),
{% endfor %}

final_labels as (
    select * from labels_{{ var('incident_merge_rounds') }}
),

components as (
    -- An incident is named after its anchor, which must be anchored on itself; a report whose
    -- anchor moved on to an earlier anchor (a chain longer than a day) stays on its own.
    select
        final_labels.claim_id,
        case
            when anchors.label_id = final_labels.label_id then final_labels.label_id
            else final_labels.claim_id
        end as incident_id
    from final_labels
    left join final_labels as anchors
        on final_labels.label_id = anchors.claim_id
),

ranked_edges as (
    select
        undirected_edges.claim_id,
        undirected_edges.other_claim_id,
        undirected_edges.pair_reason,
        row_number() over (
            partition by undirected_edges.claim_id
            order by undirected_edges.days_apart,
                case when undirected_edges.place_relation = 'same place' then 0 else 1 end,
                undirected_edges.other_claim_id
        ) as edge_rank
    from undirected_edges
    inner join components as this_component
        on undirected_edges.claim_id = this_component.claim_id
    inner join components as other_component
        on undirected_edges.other_claim_id = other_component.claim_id
    where this_component.incident_id = other_component.incident_id
),

report_mapping as (
    select
        reports.claim_id,
        components.incident_id,
        'report' as merge_role,
        case
            when ranked_edges.claim_id is not null
                then {{ dbt.concat(["'merged with '", "ranked_edges.other_claim_id", "': '", "ranked_edges.pair_reason"]) }}
            when reports.event_date is null then 'single report: no event date, so never merged'
            when reports.place_id is null or reports.country = 'unknown' then 'single report: place not resolved, so never merged'
            else 'single report: no compatible report within a day at the same or a nested place'
        end as merge_reason
    from reports
    inner join components
        on reports.claim_id = components.claim_id
    left join ranked_edges
        on reports.claim_id = ranked_edges.claim_id
        and ranked_edges.edge_rank = 1
    where reports.is_remapped
),

breakdown_mapping as (
    select
        claims.claim_id,
        report_mapping.incident_id,
        'breakdown' as merge_role,
        {{ dbt.concat(["'breakdown of '", "claims.counting_root_claim_id"]) }} as merge_reason
    from claims
    inner join report_mapping
        on claims.counting_root_claim_id = report_mapping.claim_id
    where claims.counting_role in ('breakdown', 'nested_breakdown')
),

counted_mapping as (
    select * from report_mapping
    union all
    select * from breakdown_mapping
),

restatement_mapping as (
    select
        claims.claim_id,
        counted_mapping.incident_id,
        'restatement' as merge_role,
        {{ dbt.concat(["'restates '", "claims.restates_claim_id"]) }} as merge_reason
    from claims
    inner join counted_mapping
        on claims.restates_claim_id = counted_mapping.claim_id
    where claims.counting_role = 'restatement'
),

unioned as (
    select * from counted_mapping
    union all
    select * from restatement_mapping
),

final as (
    select
        unioned.claim_id,
        unioned.incident_id,
        unioned.merge_role,
        unioned.merge_reason,
        claims.article_id,
        claims.source,
        -- what the next incremental run compares with the log to find changed reports
        {{ extraction_key('claims.') }} as extraction_key,
        all_reports.event_date,
        all_reports.country,
        all_reports.outcome_family
    from unioned
    inner join claims
        on unioned.claim_id = claims.claim_id
    left join all_reports
        on unioned.claim_id = all_reports.claim_id
)

select * from final
