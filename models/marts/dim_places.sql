-- The gazetteer: seeds/places.csv plus a synthesised row for each country without one.
with places as (
    select * from {{ ref('int_places_completed') }}
),

final as (
    select
        place_id,
        place,
        kind,
        parent_id,
        admin1,
        country,
        lat,
        lon,
        aliases,
        is_synthesised
    from places
)

select * from final
