-- One row per incident: reports of one event merged across articles (int_claims_mapped_to_incidents).
with incidents as (
    select * from {{ ref('int_incidents_merged') }}
),

final as (
    select
        incident_id,
        month,
        event_date,
        event_date_last,
        place_id,
        place,
        admin1,
        country,
        victim_class,
        perpetrator_actor_id,
        lead_claim_id,
        cast(killed_low as bigint) as killed_low,
        cast(killed_best as bigint) as killed_best,
        cast(killed_high as bigint) as killed_high,
        cast(wounded_low as bigint) as wounded_low,
        cast(wounded_best as bigint) as wounded_best,
        cast(wounded_high as bigint) as wounded_high,
        cast(report_count as bigint) as report_count,
        cast(source_count as bigint) as source_count,
        cast(claim_count as bigint) as claim_count
    from incidents
)

select * from final
