-- The monthly parts of every toll sum to the toll exactly (largest-remainder rounding), and
-- every toll claim has parts. Returns the tolls that do not add up.
with claims as (
    select * from {{ ref('fct_casualty_claims') }}
),

toll_parts as (
    select * from {{ ref('int_tolls_prorated') }}
),

part_sums as (
    select
        claim_id,
        max(toll_value) as toll_value,
        sum(prorated_value) as parts_sum,
        min(prorated_value) as smallest_part
    from toll_parts
    group by claim_id
),

tolls as (
    select claim_id, counted_best
    from claims
    where figure_kind = 'toll'
      and counted_best is not null
),

final as (
    select
        tolls.claim_id,
        tolls.counted_best as toll_value,
        part_sums.parts_sum,
        part_sums.smallest_part
    from tolls
    left join part_sums
        on tolls.claim_id = part_sums.claim_id
    where part_sums.claim_id is null
       or part_sums.parts_sum <> tolls.counted_best
       or part_sums.toll_value <> tolls.counted_best
       or part_sums.smallest_part < 0
)

select * from final
