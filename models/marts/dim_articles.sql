-- The current version of every article (as of `as_of`, published by `reported_by`), with
-- what its current extraction found (the counts its extraction event recorded).
with articles as (
    select * from {{ ref('stg_raw__articles') }}
),

extractions as (
    select * from {{ ref('stg_raw__extractions') }}
),

final as (
    select
        articles.article_id,
        articles.content_sha256,
        articles.version_number,
        articles.published,
        cast({{ dbt.date_trunc('month', 'articles.published') }} as date) as publication_month,
        articles.source,
        articles.url,
        articles.title,
        articles.input_path,
        articles.received_at,
        extractions.extractor_version,
        cast(coalesce(extractions.claims, 0) as bigint) as claims,
        cast(coalesce(extractions.mentions, 0) as bigint) as mentions
    from articles
    left join extractions
        on articles.content_sha256 = extractions.content_sha256
)

select * from final
