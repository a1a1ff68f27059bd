-- A restatement adds nothing anywhere: it has no counted value and no figure kind, it is
-- no report of an incident, no part of an incident's split and no prorated toll.
with claims as (
    select * from {{ ref('fct_casualty_claims') }}
),

incident_parts as (
    select * from {{ ref('int_incidents_split') }}
),

toll_parts as (
    select * from {{ ref('int_tolls_prorated') }}
),

incident_mapping as (
    select * from {{ ref('int_claims_mapped_to_incidents') }}
),

restatements as (
    select * from claims where counting_role = 'restatement'
),

offences as (
    select claim_id, 'has a counted value or figure kind' as offence
    from restatements
    where counted_low is not null or counted_best is not null or figure_kind is not null
    union all
    select restatements.claim_id, 'is a part of an incident'
    from restatements
    inner join incident_parts on restatements.claim_id = incident_parts.source_claim_id
    union all
    select restatements.claim_id, 'is prorated as a toll'
    from restatements
    inner join toll_parts on restatements.claim_id = toll_parts.claim_id
    union all
    select restatements.claim_id, 'is mapped as a report of an incident'
    from restatements
    inner join incident_mapping on restatements.claim_id = incident_mapping.claim_id
    where incident_mapping.merge_role = 'report'
),

final as (
    select * from offences
)

select * from final
