-- Every name a claim's place_text can match, lower-cased: the place's own name, each of its
-- '|'-separated aliases, country names and demonyms ("Iraqi" -> Iraq). One place per name:
-- an own name beats an alias, an alias beats a country name or demonym, then the less specific
-- place wins (an alias shared by a governorate and its city resolves to the governorate), then
-- the smallest place_id.
with places as (
    select * from {{ ref('int_places_completed') }}
),

demonyms as (
    select * from {{ ref('demonyms') }}
),

alias_positions as (
    {{ dbt.generate_series(var('max_place_aliases')) }}
),

own_names as (
    select
        lower(trim(place)) as name_key,
        place_id,
        1 as match_priority,
        specificity
    from places
),

aliases as (
    select
        lower(trim({{ dbt.split_part('places.aliases', "'|'", 'alias_positions.generated_number') }})) as name_key,
        places.place_id,
        2 as match_priority,
        places.specificity
    from places
    inner join alias_positions
        on alias_positions.generated_number
            <= {{ dbt.length('places.aliases') }} - {{ dbt.length(dbt.replace('places.aliases', "'|'", "''")) }} + 1
    where places.aliases is not null
),

country_names as (
    select
        lower(trim(country)) as name_key,
        place_id,
        3 as match_priority,
        specificity
    from places
    where kind = 'country'
),

demonym_names as (
    select
        lower(trim(cast(demonyms.demonym as {{ dbt.type_string() }}))) as name_key,
        places.place_id,
        4 as match_priority,
        places.specificity
    from demonyms
    inner join places
        on trim(cast(demonyms.country as {{ dbt.type_string() }})) = places.country
        and places.kind = 'country'
),

unioned as (
    select * from own_names
    union all
    select * from aliases
    union all
    select * from country_names
    union all
    select * from demonym_names
),

ranked as (
    select
        *,
        row_number() over (
            partition by name_key order by match_priority, specificity, place_id
        ) as name_rank
    from unioned
    where name_key is not null and name_key <> ''
),

final as (
    select
        name_key,
        place_id,
        match_priority
    from ranked
    where name_rank = 1
)

select * from final
