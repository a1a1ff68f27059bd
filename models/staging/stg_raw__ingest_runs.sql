-- One row per ingest run: its start, end, status and totals.
with ingest_runs as (
    select * from {{ source('raw', 'ingest_runs') }}
),

per_run as (
    select
        run_id,
        max(command) as command,
        max(extractor_version) as extractor_version,
        min(case when run_event = 'started' then event_at end) as started_at,
        max(case when run_event in ('finished', 'failed') then event_at end) as ended_at,
        max(case when run_event = 'failed' then 1 else 0 end) as has_failed,
        max(case when run_event = 'finished' then 1 else 0 end) as has_finished,
        sum(case when run_event = 'batch' then 1 else 0 end) as batches,
        sum(case when run_event = 'batch' then articles_read else 0 end) as articles_read,
        sum(case when run_event = 'batch' then versions_appended else 0 end) as versions_appended,
        sum(case when run_event = 'batch' then claims else 0 end) as claims,
        sum(case when run_event = 'batch' then rejected else 0 end) as rejected,
        sum(case when run_event = 'batch' then warnings else 0 end) as warnings,
    from ingest_runs
    where {{ known_as_of('event_at') }}
    group by run_id
),

final as (
    select
        run_id,
        command,
        extractor_version,
        started_at,
        ended_at,
        case
            when has_failed = 1 then 'failed'
            when has_finished = 1 then 'finished'
            else 'incomplete'
        end as status,
        batches,
        articles_read,
        versions_appended,
        claims,
        rejected,
        warnings,
    from per_run
)

select * from final
