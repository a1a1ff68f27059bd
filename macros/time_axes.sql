{#- The two time axes of DESIGN.md, as dbt vars. Each renders a SQL predicate (true when the var is unset). -#}

{% macro known_as_of(column) -%}
    {%- if var('as_of', none) -%}
        {{ column }} <= cast('{{ var("as_of") }}' as timestamp)
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{% macro reported_by(column) -%}
    {%- if var('reported_by', none) -%}
        {{ column }} <= cast('{{ var("reported_by") }}' as date)
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}
