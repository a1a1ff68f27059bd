{{ config(materialized='table') }}
-- Cumulative tolls (and period totals spanning several months) allocated to the months they
-- cover, pro rata by days, with largest-remainder rounding so the parts of a toll sum to it
-- exactly: each month gets floor(toll x days / period days), and the units left over go one
-- each to the months with the largest remainders (the earlier month on a tie). The value
-- prorated is the toll's best share (its best minus any breakdowns, or a breakdown's low).
-- A toll that cannot be placed in time (no start, or longer than var max_toll_months) goes
-- whole to the unknown-month row.
with claims as (
    select * from {{ ref('int_claims_bucketed') }}
),

month_offsets as (
    {{ dbt.generate_series(var('max_toll_months')) }}
),

tolls as (
    select
        claim_id,
        counting_root_claim_id,
        article_id,
        source,
        outcome,
        victim_class,
        victim_actor_id,
        bucket_country as country,
        bucket_admin1 as admin1,
        effective_start as toll_start,
        effective_end as toll_end,
        part_best as toll_value,
        {{ dbt.datediff('effective_start', 'effective_end', 'day') }} + 1 as toll_days,
        cast({{ dbt.date_trunc('month', 'effective_start') }} as date) as first_month,
        {{ dbt.datediff(dbt.date_trunc('month', 'effective_start'), dbt.date_trunc('month', 'effective_end'), 'month') }} + 1 as months_spanned
    from claims
    where figure_kind = 'toll'
      and part_best is not null
),

dated_tolls as (
    select * from tolls
    where toll_start is not null
      and months_spanned <= {{ var('max_toll_months') }}
),

undated_tolls as (
    select * from tolls
    where toll_start is null
       or months_spanned > {{ var('max_toll_months') }}
),

toll_months as (
    select
        dated_tolls.*,
        cast({{ dbt.dateadd('month', 'month_offsets.generated_number - 1', 'dated_tolls.first_month') }} as date) as month
    from dated_tolls
    inner join month_offsets
        on month_offsets.generated_number <= dated_tolls.months_spanned
),

month_overlaps as (
    select
        *,
        case when toll_start > month then toll_start else month end as overlap_start,
        case
            when toll_end < cast({{ dbt.last_day('month', 'month') }} as date) then toll_end
            else cast({{ dbt.last_day('month', 'month') }} as date)
        end as overlap_end
    from toll_months
),

shares as (
    select
        *,
        {{ dbt.datediff('overlap_start', 'overlap_end', 'day') }} + 1 as days_in_month,
        cast(floor(toll_value * ({{ dbt.datediff('overlap_start', 'overlap_end', 'day') }} + 1) / toll_days) as bigint)
            as floor_share
    from month_overlaps
),

remainders as (
    select
        *,
        toll_value * days_in_month - floor_share * toll_days as remainder,
        toll_value - sum(floor_share) over (partition by claim_id) as units_left
    from shares
),

ranked as (
    select
        *,
        row_number() over (partition by claim_id order by remainder desc, month) as remainder_rank
    from remainders
),

dated_parts as (
    select
        claim_id,
        counting_root_claim_id,
        article_id,
        source,
        outcome,
        victim_class,
        victim_actor_id,
        country,
        admin1,
        toll_start,
        toll_end,
        toll_value,
        toll_days,
        month,
        days_in_month,
        floor_share + case when remainder_rank <= units_left then 1 else 0 end as prorated_value
    from ranked
),

undated_parts as (
    select
        claim_id,
        counting_root_claim_id,
        article_id,
        source,
        outcome,
        victim_class,
        victim_actor_id,
        country,
        admin1,
        toll_start,
        toll_end,
        toll_value,
        toll_days,
        cast(null as date) as month,
        cast(null as bigint) as days_in_month,
        toll_value as prorated_value
    from undated_tolls
),

unioned as (
    select * from dated_parts
    union all
    select * from undated_parts
),

final as (
    select
        {{ dbt.concat(["claim_id", "'|'", "coalesce(cast(month as " ~ dbt.type_string() ~ "), 'unknown')"]) }} as toll_part_id,
        claim_id,
        counting_root_claim_id,
        article_id,
        source,
        outcome,
        victim_class,
        victim_actor_id,
        country,
        admin1,
        toll_start,
        toll_end,
        toll_value,
        cast(toll_days as bigint) as toll_days,
        month,
        cast(days_in_month as bigint) as days_in_month,
        cast(prorated_value as bigint) as prorated_value
    from unioned
)

select * from final
