-- Everything an ingest run could not read, or kept with a warning.
with rejected_inputs as (
    select * from {{ source('raw', 'rejected_inputs') }}
),

final as (
    select
        ingest_run_id,
        received_at,
        input_path,
        line_number,
        severity,
        reason,
        bytes_sha256,
    from rejected_inputs
    where {{ known_as_of('received_at') }}
)

select * from final
