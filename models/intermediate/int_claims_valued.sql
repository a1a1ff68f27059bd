-- Numbers to low / best / high. A vague claim ("hundreds") takes its value from
-- seeds/vague_quantities.csv through its vague_term (else its number_text), so changing the
-- convention there changes every figure on the next build; an analyst override of the value
-- wins over the seed. best is the low, or the midpoint (rounded down) of a stated range.
with claims as (
    select * from {{ ref('int_claims_overridden') }}
),

vague_quantities as (
    select * from {{ ref('vague_quantities') }}
),

vague_terms as (
    select
        lower(trim(cast(term as {{ dbt.type_string() }}))) as term,
        cast(value_low as bigint) as seed_low,
        cast(value_high as bigint) as seed_high
    from vague_quantities
),

with_term as (
    select
        *,
        case when is_vague then coalesce(vague_term, lower(trim(number_text))) end as vague_lookup
    from claims
),

looked_up as (
    select
        with_term.*,
        vague_terms.term as matched_vague_term,
        vague_terms.seed_low,
        vague_terms.seed_high
    from with_term
    left join vague_terms
        on with_term.vague_lookup = vague_terms.term
),

revalued as (
    select
        *,
        case
            when is_vague and matched_vague_term is not null and not is_value_overridden then seed_low
            else value_low
        end as valued_low,
        case
            when is_vague and matched_vague_term is not null and not is_value_overridden then seed_high
            else value_high
        end as valued_high
    from looked_up
),

final as (
    select
        claim_id,
        article_id,
        content_sha256,
        extractor_version,
        extracted_at,
        published,
        source,
        sentence_index,
        sentence_start,
        sentence_end,
        char_start,
        char_end,
        quote,
        sentence,
        outcome,
        number_text,
        valued_low as value_low,
        case
            when valued_high is not null and valued_high > valued_low
                then cast(floor((valued_low + valued_high) / 2) as bigint)
            else valued_low
        end as value_best,
        case
            when valued_high is not null and valued_high < valued_low then null
            else valued_high
        end as value_high,
        qualifier,
        is_vague,
        coalesce(matched_vague_term, vague_term) as vague_term,
        victims_text,
        victim_class,
        victim_actor,
        perpetrator_actor,
        place_text,
        extracted_place_id,
        place_source,
        event_date,
        period_start,
        period_end,
        date_precision,
        scope,
        part_of_claim_id,
        restates_claim_id,
        same_event_as_claim_id,
        is_new_event,
        is_party_claim,
        is_excluded,
        is_overridden,
        override_note,
        ingest_run_id
    from revalued
)

select * from final
