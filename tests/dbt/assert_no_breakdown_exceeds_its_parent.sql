-- A breakdown never exceeds its parent: neither one breakdown nor the sum of a parent's
-- breakdowns is above the parent's top (its high; its low for an exact figure). Returns the
-- parents with the offending sums.
with claims as (
    select * from {{ ref('fct_casualty_claims') }}
),

breakdown_sums as (
    select
        part_of_claim_id as parent_claim_id,
        max(value_low) as largest_breakdown_low,
        sum(value_low) as breakdown_low_sum
    from claims
    where counting_role = 'breakdown'
    group by part_of_claim_id
),

final as (
    select
        parents.claim_id as parent_claim_id,
        parents.value_low as parent_low,
        parents.value_high as parent_high,
        breakdown_sums.largest_breakdown_low,
        breakdown_sums.breakdown_low_sum
    from breakdown_sums
    inner join claims as parents
        on breakdown_sums.parent_claim_id = parents.claim_id
    where parents.value_high is not null
      and breakdown_sums.breakdown_low_sum > parents.value_high
)

select * from final
