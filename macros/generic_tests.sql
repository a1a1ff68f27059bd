{#- Generic tests written here because the project has no packages (no `dbt deps` offline). -#}

{#- No two rows share the combination of these columns; nulls count as a value (the
    country-wide row has admin1 null, the unknown-month row has month null). -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
with keyed as (
    select {{ cell_key(combination_of_columns) }} as combination_key
    from {{ model }}
)

select
    combination_key,
    count(*) as occurrences
from keyed
group by combination_key
having count(*) > 1
{% endtest %}

{#- The column is never negative (nulls pass). -#}
{% test not_negative(model, column_name) %}
select *
from {{ model }}
where {{ column_name }} < 0
{% endtest %}
