-- Activity of every canonical actor by month: articles and mentions naming it (by publication
-- month), claims naming it as victim or perpetrator (by the claim's month), incidents it is
-- involved in (by the incident's month) and killed among its members (by event month).
with mentions as (
    select * from {{ ref('int_mentions_canonicalised') }}
),

claims as (
    select * from {{ ref('int_claims_bucketed') }}
),

incident_mapping as (
    select * from {{ ref('int_claims_mapped_to_incidents') }}
),

incidents as (
    select * from {{ ref('int_incidents_merged') }}
),

incident_parts as (
    select * from {{ ref('int_incidents_split') }}
),

actors as (
    select * from {{ ref('dim_actors') }}
),

mention_activity as (
    select
        {{ cell_key(['publication_month', 'actor_id']) }} as activity_key,
        actor_id,
        publication_month as month,
        count(distinct article_id) as articles,
        count(*) as mentions
    from mentions
    where actor_id is not null
    group by actor_id, publication_month
),

figure_claims as (
    select * from claims
    where counting_role in ('counted', 'breakdown', 'nested_breakdown')
),

victim_claims as (
    select
        {{ cell_key(['month', 'victim_actor_id']) }} as activity_key,
        victim_actor_id as actor_id,
        month,
        count(distinct claim_id) as claims_as_victim
    from figure_claims
    where victim_actor_id is not null
    group by victim_actor_id, month
),

perpetrator_claims as (
    select
        {{ cell_key(['month', 'perpetrator_actor_id']) }} as activity_key,
        perpetrator_actor_id as actor_id,
        month,
        count(distinct claim_id) as claims_as_perpetrator
    from figure_claims
    where perpetrator_actor_id is not null
    group by perpetrator_actor_id, month
),

involvements as (
    select victim_actor_id as actor_id, claim_id from claims where victim_actor_id is not null
    union
    select perpetrator_actor_id as actor_id, claim_id from claims where perpetrator_actor_id is not null
),

incident_involvements as (
    select distinct
        involvements.actor_id,
        incident_mapping.incident_id
    from involvements
    inner join incident_mapping
        on involvements.claim_id = incident_mapping.claim_id
),

incident_activity as (
    select
        {{ cell_key(['incidents.month', 'incident_involvements.actor_id']) }} as activity_key,
        incident_involvements.actor_id,
        incidents.month,
        count(distinct incident_involvements.incident_id) as incidents
    from incident_involvements
    inner join incidents
        on incident_involvements.incident_id = incidents.incident_id
    group by incident_involvements.actor_id, incidents.month
),

killed_in_incidents as (
    select
        {{ cell_key(['month', 'victim_actor_id']) }} as activity_key,
        victim_actor_id as actor_id,
        month,
        sum(part_best) as killed_in_incidents
    from incident_parts
    where outcome = 'killed'
      and victim_actor_id is not null
    group by victim_actor_id, month
),

killed_in_period_totals as (
    select
        {{ cell_key(['month', 'victim_actor_id']) }} as activity_key,
        victim_actor_id as actor_id,
        month,
        max(part_best) as largest_period_total
    from claims
    where outcome = 'killed'
      and figure_kind = 'period_total'
      and counting_role in ('counted', 'breakdown')
      and victim_actor_id is not null
    group by victim_actor_id, month
),

keyed as (
    select activity_key, actor_id, month from mention_activity
    union
    select activity_key, actor_id, month from victim_claims
    union
    select activity_key, actor_id, month from perpetrator_claims
    union
    select activity_key, actor_id, month from incident_activity
    union
    select activity_key, actor_id, month from killed_in_incidents
    union
    select activity_key, actor_id, month from killed_in_period_totals
),

final as (
    select
        keyed.activity_key,
        keyed.month,
        keyed.actor_id,
        actors.actor,
        actors.actor_type,
        cast(coalesce(mention_activity.articles, 0) as bigint) as articles,
        cast(coalesce(mention_activity.mentions, 0) as bigint) as mentions,
        cast(coalesce(victim_claims.claims_as_victim, 0) as bigint) as claims_as_victim,
        cast(coalesce(perpetrator_claims.claims_as_perpetrator, 0) as bigint) as claims_as_perpetrator,
        cast(coalesce(incident_activity.incidents, 0) as bigint) as incidents,
        cast(case
            when coalesce(killed_in_incidents.killed_in_incidents, 0)
                > coalesce(killed_in_period_totals.largest_period_total, 0)
                then coalesce(killed_in_incidents.killed_in_incidents, 0)
            else coalesce(killed_in_period_totals.largest_period_total, 0)
        end as bigint) as killed_among_members
    from keyed
    inner join actors
        on keyed.actor_id = actors.actor_id
    left join mention_activity
        on keyed.activity_key = mention_activity.activity_key
    left join victim_claims
        on keyed.activity_key = victim_claims.activity_key
    left join perpetrator_claims
        on keyed.activity_key = perpetrator_claims.activity_key
    left join incident_activity
        on keyed.activity_key = incident_activity.activity_key
    left join killed_in_incidents
        on keyed.activity_key = killed_in_incidents.activity_key
    left join killed_in_period_totals
        on keyed.activity_key = killed_in_period_totals.activity_key
)

select * from final
