-- Every name an actor text can match: the aliases of seeds/actor_aliases.csv and each actor's
-- canonical name. Matching is case-insensitive (on alias_key) except for aliases flagged
-- case_sensitive ("AAH"), which match only exactly (on alias). One actor per key: an explicit
-- alias beats a canonical name, then the smallest actor_id.
with actor_aliases as (
    select * from {{ ref('actor_aliases') }}
),

actors as (
    select * from {{ ref('actors') }}
),

explicit_aliases as (
    select
        trim(cast(alias as {{ dbt.type_string() }})) as alias,
        cast(actor_id as {{ dbt.type_string() }}) as actor_id,
        lower(trim(cast(case_sensitive as {{ dbt.type_string() }}))) in ('true', 't', '1', 'yes', 'y') as is_case_sensitive,
        1 as match_priority
    from actor_aliases
),

canonical_names as (
    select
        trim(cast(actor as {{ dbt.type_string() }})) as alias,
        cast(actor_id as {{ dbt.type_string() }}) as actor_id,
        false as is_case_sensitive,
        2 as match_priority
    from actors
),

unioned as (
    select * from explicit_aliases
    union all
    select * from canonical_names
),

keyed as (
    select
        alias,
        case when is_case_sensitive then alias else lower(alias) end as alias_key,
        actor_id,
        is_case_sensitive,
        match_priority
    from unioned
    where alias is not null and alias <> ''
),

ranked as (
    select
        *,
        row_number() over (
            partition by alias_key, is_case_sensitive order by match_priority, actor_id
        ) as alias_rank
    from keyed
),

final as (
    select
        alias,
        alias_key,
        actor_id,
        is_case_sensitive
    from ranked
    where alias_rank = 1
)

select * from final
