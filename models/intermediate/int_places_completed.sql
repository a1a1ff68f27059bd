-- The gazetteer of seeds/places.csv, typed, plus one synthesised country row for every country
-- that the seeds name (places.country, demonyms.country) but that has no row of kind 'country',
-- so a claim placed "in Iraq" always resolves to a place_id.
with places as (
    select * from {{ ref('places') }}
),

demonyms as (
    select * from {{ ref('demonyms') }}
),

typed_places as (
    select
        cast(place_id as {{ dbt.type_string() }}) as place_id,
        trim(cast(place as {{ dbt.type_string() }})) as place,
        lower(trim(cast(kind as {{ dbt.type_string() }}))) as kind,
        nullif(trim(cast(parent_id as {{ dbt.type_string() }})), '') as parent_id,
        nullif(trim(cast(admin1 as {{ dbt.type_string() }})), '') as admin1,
        trim(cast(country as {{ dbt.type_string() }})) as country,
        cast(lat as double) as lat,
        cast(lon as double) as lon,
        nullif(trim(cast(aliases as {{ dbt.type_string() }})), '') as aliases,
        false as is_synthesised
    from places
),

named_countries as (
    select distinct country from typed_places where country is not null
    union
    select distinct trim(cast(country as {{ dbt.type_string() }})) as country from demonyms
),

countries_with_row as (
    select distinct country from typed_places where kind = 'country'
),

missing_countries as (
    select named_countries.country
    from named_countries
    left join countries_with_row
        on named_countries.country = countries_with_row.country
    where countries_with_row.country is null
),

synthesised_countries as (
    select
        {{ dbt.concat(["'country:'", "country"]) }} as place_id,
        country as place,
        'country' as kind,
        cast(null as {{ dbt.type_string() }}) as parent_id,
        cast(null as {{ dbt.type_string() }}) as admin1,
        country,
        cast(null as double) as lat,
        cast(null as double) as lon,
        cast(null as {{ dbt.type_string() }}) as aliases,
        true as is_synthesised
    from missing_countries
),

unioned as (
    select * from typed_places
    union all
    select * from synthesised_countries
),

final as (
    select
        place_id,
        place,
        kind,
        parent_id,
        -- A country row carries no admin1: claims placed there feed the country-wide row.
        case when kind = 'country' then null else admin1 end as admin1,
        country,
        lat,
        lon,
        aliases,
        is_synthesised,
        case kind
            when 'site' then 6
            when 'neighbourhood' then 5
            when 'district' then 4
            when 'city' then 3
            when 'admin1' then 2
            when 'country' then 1
            else 0
        end as specificity
    from unioned
)

select * from final
