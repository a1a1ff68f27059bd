{{ config(
    materialized='incremental',
    post_hook="{{ delete_stale_extractions(ref('stg_raw__extractions')) }}",
) }}
-- Actor mentions resolved to canonical actors: the mention's alias_key (else its surface text)
-- matches an alias or canonical name case-insensitively, exactly for case-sensitive aliases.
-- Mentions that resolve to no actor are kept with actor_id null.
with mentions as (
    select * from {{ ref('stg_raw__mentions') }}
    {{- only_unbuilt_extractions() }}
),

actor_aliases as (
    select * from {{ ref('int_actor_aliases_unioned') }}
),

case_sensitive_aliases as (
    select alias_key, actor_id from actor_aliases where is_case_sensitive
),

case_insensitive_aliases as (
    select alias_key, actor_id from actor_aliases where not is_case_sensitive
),

keyed as (
    select
        *,
        trim(coalesce(alias_key, surface_text)) as match_text
    from mentions
    where mention_type = 'actor'
),

resolved as (
    select
        keyed.mention_id,
        keyed.article_id,
        keyed.content_sha256,
        keyed.extractor_version,
        keyed.published,
        cast({{ dbt.date_trunc('month', 'keyed.published') }} as date) as publication_month,
        keyed.source,
        keyed.surface_text,
        keyed.alias_key,
        keyed.sentence_index,
        keyed.char_start,
        keyed.char_end,
        coalesce(exact_match.actor_id, any_case_match.actor_id) as actor_id
    from keyed
    left join case_sensitive_aliases as exact_match
        on keyed.match_text = exact_match.alias_key
    left join case_insensitive_aliases as any_case_match
        on lower(keyed.match_text) = any_case_match.alias_key
),

final as (
    select * from resolved
)

select * from final
