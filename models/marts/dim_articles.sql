-- The current version of every article (as of `as_of`, published by `reported_by`), with
-- what its current extraction found.
with articles as (
    select * from {{ ref('stg_raw__articles') }}
),

claims as (
    select * from {{ ref('stg_raw__claims') }}
),

mentions as (
    select * from {{ ref('stg_raw__mentions') }}
),

claim_counts as (
    select
        content_sha256,
        max(extractor_version) as extractor_version,
        count(*) as claims
    from claims
    group by content_sha256
),

mention_counts as (
    select
        content_sha256,
        max(extractor_version) as extractor_version,
        count(*) as mentions
    from mentions
    group by content_sha256
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
        coalesce(claim_counts.extractor_version, mention_counts.extractor_version) as extractor_version,
        cast(coalesce(claim_counts.claims, 0) as bigint) as claims,
        cast(coalesce(mention_counts.mentions, 0) as bigint) as mentions
    from articles
    left join claim_counts
        on articles.content_sha256 = claim_counts.content_sha256
    left join mention_counts
        on articles.content_sha256 = mention_counts.content_sha256
)

select * from final
