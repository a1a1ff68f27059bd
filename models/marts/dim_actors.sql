-- Canonical armed actors (seeds/actors.csv) with their aliases.
with actors as (
    select * from {{ ref('actors') }}
),

actor_aliases as (
    select * from {{ ref('int_actor_aliases_unioned') }}
),

typed_actors as (
    select
        cast(actor_id as {{ dbt.type_string() }}) as actor_id,
        cast(actor as {{ dbt.type_string() }}) as actor,
        cast(actor_type as {{ dbt.type_string() }}) as actor_type,
        nullif(trim(cast(victim_class as {{ dbt.type_string() }})), '') as victim_class,
        nullif(trim(cast(country as {{ dbt.type_string() }})), '') as country,
        nullif(trim(cast(parent_id as {{ dbt.type_string() }})), '') as parent_id
    from actors
),

alias_lists as (
    select
        actor_id,
        {{ dbt.listagg('alias', "'|'", 'order by alias') }} as aliases
    from actor_aliases
    group by actor_id
),

final as (
    select
        typed_actors.actor_id,
        typed_actors.actor,
        typed_actors.actor_type,
        typed_actors.victim_class,
        typed_actors.country,
        typed_actors.parent_id,
        parents.actor as parent_actor,
        alias_lists.aliases
    from typed_actors
    left join typed_actors as parents
        on typed_actors.parent_id = parents.actor_id
    left join alias_lists
        on typed_actors.actor_id = alias_lists.actor_id
)

select * from final
