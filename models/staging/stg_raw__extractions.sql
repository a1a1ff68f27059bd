-- The extraction that stands for the current version of every article: newest by
-- (extracted_at, extraction_seq) among the extractions known as of `as_of`, so a newer
-- extractor's empty result wins over an older one's claims. Claims and mentions join on it,
-- run included: should one version have been extracted twice by the same extractor, only the
-- chosen run's rows count.
with articles as (
    select * from {{ ref('stg_raw__articles') }}
),

extraction_events as (
    select * from {{ source('raw', 'extraction_events') }}
),

known_extractions as (
    select
        content_sha256,
        extractor_version,
        extracted_at,
        extraction_seq,
        claims,
        mentions,
        ingest_run_id,
    from extraction_events
    where {{ known_as_of('extracted_at') }}
),

ranked_extractions as (
    select
        *,
        row_number() over (
            partition by content_sha256 order by extracted_at desc, extraction_seq desc
        ) as recency_rank
    from known_extractions
),

final as (
    select
        articles.article_id,
        articles.content_sha256,
        articles.published,
        articles.source,
        ranked_extractions.extractor_version,
        ranked_extractions.extracted_at,
        cast(ranked_extractions.claims as integer) as claims,
        cast(ranked_extractions.mentions as integer) as mentions,
        ranked_extractions.ingest_run_id as extraction_run_id,
    from articles
    inner join ranked_extractions
        on articles.content_sha256 = ranked_extractions.content_sha256
    where ranked_extractions.recency_rank = 1
)

select * from final
