-- dim_articles.claims (what the extraction event recorded) equals the claims of that article
-- in fct_casualty_claims. Returns the articles where they differ.
with articles as (
    select * from {{ ref('dim_articles') }}
),

claims as (
    select * from {{ ref('fct_casualty_claims') }}
),

claims_per_article as (
    select
        article_id,
        count(*) as claim_rows
    from claims
    group by article_id
),

final as (
    select
        articles.article_id,
        articles.claims,
        coalesce(claims_per_article.claim_rows, 0) as claim_rows
    from articles
    left join claims_per_article
        on articles.article_id = claims_per_article.article_id
    where articles.claims <> coalesce(claims_per_article.claim_rows, 0)
)

select * from final
