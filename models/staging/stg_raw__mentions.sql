-- Actor and place mentions of the current version of every article, from the newest
-- extraction of that version (same choice of extraction as stg_raw__claims).
with current_extractions as (
    select * from {{ ref('stg_raw__extractions') }}
),

mention_events as (
    select * from {{ source('raw', 'mention_events') }}
),

current_mentions as (
    select
        mention_events.*,
        current_extractions.published,
        current_extractions.source
    from mention_events
    inner join current_extractions
        on mention_events.content_sha256 = current_extractions.content_sha256
        and mention_events.extractor_version = current_extractions.extractor_version
        and mention_events.ingest_run_id = current_extractions.extraction_run_id
),

final as (
    select
        cast(mention_id as {{ dbt.type_string() }}) as mention_id,
        cast(article_id as {{ dbt.type_string() }}) as article_id,
        cast(content_sha256 as {{ dbt.type_string() }}) as content_sha256,
        cast(extractor_version as {{ dbt.type_string() }}) as extractor_version,
        published,
        source,
        coalesce(lower(trim(mention_type)), 'actor') as mention_type,
        surface_text,
        alias_key,
        cast(sentence_index as integer) as sentence_index,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end
    from current_mentions
)

select * from final
