-- Place nesting as a closure table: one row per (place, ancestor) including the place itself,
-- from the parent_id chain (up to six levels, no recursion so it runs on any engine), plus the
-- admin1 row of the same admin1 and the country row, which contain every place that names them.
with places as (
    select * from {{ ref('int_places_completed') }}
),

chains as (
    select
        level_0.place_id,
        level_0.parent_id as ancestor_1,
        level_1.parent_id as ancestor_2,
        level_2.parent_id as ancestor_3,
        level_3.parent_id as ancestor_4,
        level_4.parent_id as ancestor_5,
        level_5.parent_id as ancestor_6
    from places as level_0
    left join places as level_1 on level_0.parent_id = level_1.place_id
    left join places as level_2 on level_1.parent_id = level_2.place_id
    left join places as level_3 on level_2.parent_id = level_3.place_id
    left join places as level_4 on level_3.parent_id = level_4.place_id
    left join places as level_5 on level_4.parent_id = level_5.place_id
),

by_parent_chain as (
    select place_id, place_id as ancestor_id, 0 as depth from chains
    {% for level in range(1, 7) %}
    union all
    select place_id, ancestor_{{ level }} as ancestor_id, {{ level }} as depth
    from chains
    where ancestor_{{ level }} is not null
    {% endfor %}
),

admin1_rows as (
    select place_id as admin1_place_id, admin1, country
    from places
    where kind = 'admin1' and admin1 is not null
),

country_rows as (
    select place_id as country_place_id, country
    from places
    where kind = 'country'
),

by_admin1 as (
    select
        places.place_id,
        admin1_rows.admin1_place_id as ancestor_id,
        7 as depth
    from places
    inner join admin1_rows
        on places.admin1 = admin1_rows.admin1
        and places.country = admin1_rows.country
    where places.kind <> 'admin1'
),

by_country as (
    select
        places.place_id,
        country_rows.country_place_id as ancestor_id,
        8 as depth
    from places
    inner join country_rows
        on places.country = country_rows.country
    where places.kind <> 'country'
),

unioned as (
    select * from by_parent_chain
    union all
    select * from by_admin1
    union all
    select * from by_country
),

final as (
    select
        place_id,
        ancestor_id,
        min(depth) as depth
    from unioned
    group by place_id, ancestor_id
)

select * from final
