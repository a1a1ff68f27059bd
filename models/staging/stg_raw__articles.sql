-- Current state per article: the newest event by (received_at, event_seq) among those
-- known as of `as_of`; a retraction as newest event removes the article.
with article_events as (
    select * from {{ source('raw', 'article_events') }}
),

known_events as (
    select *
    from article_events
    where {{ known_as_of('received_at') }}
),

versioned as (
    select
        *,
        row_number() over (
            partition by article_id order by received_at desc, event_seq desc
        ) as recency_rank,
        sum(case when event_type = 'received' then 1 else 0 end) over (
            partition by article_id order by received_at, event_seq
            rows between unbounded preceding and current row
        ) as version_number
    from known_events
),

current_versions as (
    select *
    from versioned
    where recency_rank = 1
      and event_type = 'received'
      and {{ reported_by('published') }}
),

final as (
    select
        article_id,
        content_sha256,
        event_id,
        cast(version_number as integer) as version_number,
        cast(published as date) as published,
        source,
        url,
        title,
        body,
        input_path,
        received_at,
        ingest_run_id,
    from current_versions
)

select * from final
