-- Claims of the current version of every article, as found by the newest extraction of that
-- version: newest by (extracted_at, extraction_seq) among the extractions known as of `as_of`,
-- so a newer extractor's empty result wins over an older one's claims.
with current_extractions as (
    select * from {{ ref('stg_raw__extractions') }}
),

claim_events as (
    select * from {{ source('raw', 'claim_events') }}
),

current_claims as (
    select
        claim_events.*,
        current_extractions.published,
        current_extractions.source,
        current_extractions.extracted_at
    from claim_events
    inner join current_extractions
        on claim_events.content_sha256 = current_extractions.content_sha256
        and claim_events.extractor_version = current_extractions.extractor_version
        and claim_events.ingest_run_id = current_extractions.extraction_run_id
),

final as (
    select
        cast(claim_id as {{ dbt.type_string() }}) as claim_id,
        cast(article_id as {{ dbt.type_string() }}) as article_id,
        cast(content_sha256 as {{ dbt.type_string() }}) as content_sha256,
        cast(extractor_version as {{ dbt.type_string() }}) as extractor_version,
        extracted_at,
        published,
        source,
        cast(sentence_index as integer) as sentence_index,
        cast(sentence_start as integer) as sentence_start,
        cast(sentence_end as integer) as sentence_end,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        quote,
        sentence,
        lower(trim(outcome)) as outcome,
        number_text,
        cast(value_low as bigint) as value_low,
        cast(value_high as bigint) as value_high,
        lower(trim(qualifier)) as qualifier,
        coalesce(is_vague, false) as is_vague,
        nullif(lower(trim(vague_term)), '') as vague_term,
        victims_text,
        lower(trim(victim_class)) as victim_class,
        nullif(trim(victim_actor), '') as victim_actor,
        nullif(trim(perpetrator_actor), '') as perpetrator_actor,
        nullif(trim(place_text), '') as place_text,
        nullif(trim(place_id), '') as extracted_place_id,
        place_source,
        cast(event_date as date) as event_date,
        cast(period_start as date) as period_start,
        cast(period_end as date) as period_end,
        coalesce(lower(trim(date_precision)), 'unknown') as date_precision,
        lower(trim(scope)) as scope,
        nullif(trim(part_of_claim_id), '') as part_of_claim_id,
        nullif(trim(restates_claim_id), '') as restates_claim_id,
        nullif(trim(same_event_as_claim_id), '') as same_event_as_claim_id,
        is_new_event,
        -- a warehouse written before the column existed holds nulls for its older rows
        coalesce(is_party_claim, false) as is_party_claim,
        ingest_run_id
    from current_claims
)

select * from final
