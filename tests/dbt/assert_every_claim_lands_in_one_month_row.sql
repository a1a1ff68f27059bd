-- Every claim that is not excluded lands in exactly one row of mart_monthly_casualties: the
-- row of its month (null = the unknown-month row), country ('unknown' when unresolved),
-- admin1 (null = the country-wide row, for claims placed at country level) and victim class;
-- and the country-wide rows count every claim of the country once. Returns the offending claims.
with claims as (
    select * from {{ ref('fct_casualty_claims') }}
),

monthly as (
    select * from {{ ref('mart_monthly_casualties') }}
),

landing_claims as (
    select
        claim_id,
        {{ cell_key(['month', 'country', 'admin1', 'victim_class']) }} as landing_key
    from claims
    where counting_role <> 'excluded'
),

row_keys as (
    select
        {{ cell_key(['month', 'country', 'admin1', 'victim_class']) }} as row_key,
        claims
    from monthly
),

landings as (
    select
        landing_claims.claim_id,
        count(row_keys.row_key) as rows_landed_in,
        min(row_keys.claims) as claims_counted_there
    from landing_claims
    left join row_keys
        on landing_claims.landing_key = row_keys.row_key
    group by landing_claims.claim_id
),

final as (
    select *
    from landings
    where rows_landed_in <> 1
       or claims_counted_there < 1
)

select * from final
