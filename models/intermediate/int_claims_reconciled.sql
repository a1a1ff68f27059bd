{{ config(
    materialized='incremental',
    post_hook="{{ delete_stale_extractions(ref('int_claims_canonicalised')) }}",
) }}
-- Restatements and breakdowns resolved: what each claim contributes, in its own victim class.
--   excluded          an analyst override takes it out: contributes nothing.
--   restatement       restates_claim_id is set: a figure already given; contributes nothing.
--   breakdown         part_of_claim_id names a counted claim of the same outcome, or a
--                     restatement of one (the breakdown then refines the restated claim). It adds
--                     nothing to its parent's total but takes its own share (its low) out of it,
--                     in its own victim class and actor ("12 people including 5 policemen" ->
--                     5 security_forces + 7 mixed_unknown; "7 of 13 militants" changes nothing).
--   nested_breakdown  a breakdown of a breakdown: already inside its parent's share; nothing.
--   counted (item)    a breakdown of a country-wide period total or toll that tells of one day
--                     in an admin1 of that country (a roundup's "In Mosul, a car bomb killed
--                     six"): an incident of its own whose low its total holds apart, as it does
--                     its breakdowns'; the item's own breakdowns are its parts.
--   counted           every other claim. It contributes its report (value, or the sum of its
--                     breakdowns if larger) minus its breakdowns' shares. A breakdown whose parent
--                     is missing, excluded or of another outcome is counted on its own, as an
--                     incident.
with claims as (
    select * from {{ ref('int_claims_canonicalised') }}
    {{- only_unbuilt_extractions() }}
),

-- The links between claims are resolved on these narrow columns: the wide claim rows (quote,
-- sentence) are joined once, at the end (each CTE read twice is materialised whole).
claim_links as (
    select
        claim_id,
        outcome,
        value_low,
        part_of_claim_id,
        restates_claim_id,
        is_excluded,
        scope,
        country,
        admin1,
        event_date,
        period_start,
        period_end
    from {{ ref('int_claims_canonicalised') }}
    {{- only_unbuilt_extractions() }}
),

active_claims as (
    select * from claim_links where not is_excluded
),

named_parents as (
    -- The claim a breakdown names, or the claim that one restates (a breakdown of a headline
    -- figure refines the figure the headline restates).
    select
        children.claim_id,
        coalesce(restated.claim_id, parents.claim_id) as parent_claim_id
    from active_claims as children
    inner join active_claims as parents
        on children.part_of_claim_id = parents.claim_id
    left join active_claims as restated
        on parents.restates_claim_id = restated.claim_id
    where children.restates_claim_id is null
),

parent_links as (
    select
        named_parents.claim_id,
        named_parents.parent_claim_id
    from named_parents
    inner join active_claims as children
        on named_parents.claim_id = children.claim_id
    inner join active_claims as parents
        on named_parents.parent_claim_id = parents.claim_id
    where parents.restates_claim_id is null
      and children.outcome = parents.outcome
      and children.claim_id <> parents.claim_id
),

items as (
    -- "23 killed across Iraq on Tuesday ... In Mosul, a car bomb killed six": a breakdown of a
    -- country-wide period total or toll that tells of one day in an admin1 of that country is an
    -- item of it, an incident of its own (counted where and when it happened, merged with other
    -- reports of it); the total keeps only the rest apart from its items
    select parent_links.claim_id
    from parent_links
    inner join claim_links as children
        on parent_links.claim_id = children.claim_id
    inner join claim_links as parents
        on parent_links.parent_claim_id = parents.claim_id
    where parents.scope in ('period_total', 'cumulative')
      and parents.admin1 is null
      and children.admin1 is not null
      and children.country = parents.country
      and children.event_date is not null
      and children.period_start is null
      and children.period_end is null
),

resolved_links as (
    select
        parent_links.claim_id,
        parent_links.parent_claim_id,
        -- the parts of an item are its own breakdowns
        case when parent_items.claim_id is null then grandparent_links.parent_claim_id end as grandparent_claim_id,
        child_items.claim_id is not null as is_item
    from parent_links
    left join parent_links as grandparent_links
        on parent_links.parent_claim_id = grandparent_links.claim_id
    left join items as parent_items
        on parent_links.parent_claim_id = parent_items.claim_id
    left join items as child_items
        on parent_links.claim_id = child_items.claim_id
),

roles as (
    select
        claim_links.claim_id,
        claim_links.value_low,
        case
            when claim_links.is_excluded then 'excluded'
            when claim_links.restates_claim_id is not null then 'restatement'
            when resolved_links.is_item then 'counted'
            when resolved_links.claim_id is not null and resolved_links.grandparent_claim_id is null then 'breakdown'
            when resolved_links.claim_id is not null then 'nested_breakdown'
            else 'counted'
        end as counting_role,
        case
            when claim_links.is_excluded then null
            when claim_links.restates_claim_id is not null then claim_links.restates_claim_id
            when resolved_links.is_item then claim_links.claim_id
            when resolved_links.grandparent_claim_id is not null then resolved_links.grandparent_claim_id
            when resolved_links.claim_id is not null then resolved_links.parent_claim_id
            else claim_links.claim_id
        end as counting_root_claim_id,
        -- the counted claim whose report holds this one's low apart (its breakdowns', its items')
        case
            when claim_links.is_excluded or claim_links.restates_claim_id is not null then null
            when resolved_links.claim_id is not null and resolved_links.grandparent_claim_id is null
                then resolved_links.parent_claim_id
        end as share_of_claim_id
    from claim_links
    left join resolved_links
        on claim_links.claim_id = resolved_links.claim_id
),

breakdown_sums as (
    select
        share_of_claim_id as root_claim_id,
        count(*) as breakdown_count,
        sum(coalesce(value_low, 0)) as breakdown_low_sum
    from roles
    where share_of_claim_id is not null
    group by share_of_claim_id
),

roles_summed as (
    select
        roles.claim_id,
        roles.counting_role,
        roles.counting_root_claim_id,
        breakdown_sums.breakdown_count,
        breakdown_sums.breakdown_low_sum
    from roles
    left join breakdown_sums
        on roles.claim_id = breakdown_sums.root_claim_id
        and roles.counting_role = 'counted'
),

with_reports as (
    select
        claims.*,
        roles_summed.counting_role,
        roles_summed.counting_root_claim_id,
        coalesce(roles_summed.breakdown_count, 0) as breakdown_count,
        coalesce(roles_summed.breakdown_low_sum, 0) as breakdown_low_sum,
        case
            when roles_summed.counting_role = 'counted'
                then greatest(coalesce(claims.value_low, 0), coalesce(roles_summed.breakdown_low_sum, 0))
        end as report_low,
        case
            when roles_summed.counting_role = 'counted'
                then greatest(
                    coalesce(claims.value_best, claims.value_low, 0),
                    coalesce(roles_summed.breakdown_low_sum, 0)
                )
        end as report_best
    from claims
    inner join roles_summed
        on claims.claim_id = roles_summed.claim_id
),

with_report_high as (
    select
        *,
        case
            when counting_role = 'counted' and value_high is not null then greatest(value_high, report_best)
        end as report_high
    from with_reports
),

final as (
    select
        *,
        case
            when counting_role = 'counted' and scope = 'breakdown' then 'incident'
            when counting_role = 'counted' then scope
        end as counting_scope,
        case
            when counting_role = 'counted' then report_low - breakdown_low_sum
            when counting_role = 'breakdown' then coalesce(value_low, 0)
        end as part_low,
        case
            when counting_role = 'counted' then report_best - breakdown_low_sum
            when counting_role = 'breakdown' then coalesce(value_low, 0)
        end as part_best,
        case
            when counting_role = 'counted' then report_high - breakdown_low_sum
            when counting_role = 'breakdown' then value_high
        end as part_high
    from with_report_high
)

select * from final
