{{ config(
    materialized='incremental',
    post_hook="{{ delete_stale_extractions(ref('stg_raw__extractions')) }}",
) }}
-- Canonical actors and places for every claim. victim_actor / perpetrator_actor text matches an
-- alias or canonical name of seeds/actors.csv case-insensitively (exactly for case-sensitive
-- aliases). The place is the one the extractor resolved (extracted_place_id: it tells homonyms
-- apart by the article's country, "Tripoli" in a story from Lebanon) when seeds/ still has it;
-- else place_text matches a place name, alias, country name or demonym case-insensitively.
-- A place that is a country gives admin1 null (the claim feeds the country-wide row); a
-- place_text that resolves to nothing gives country 'unknown'.
with claims as (
    select * from {{ ref('int_claims_valued') }}
    {{- only_unbuilt_extractions() }}
),

actor_aliases as (
    select * from {{ ref('int_actor_aliases_unioned') }}
),

actors as (
    select * from {{ ref('actors') }}
),

place_names as (
    select * from {{ ref('int_place_names_unioned') }}
),

places as (
    select * from {{ ref('int_places_completed') }}
),

case_sensitive_aliases as (
    select alias_key, actor_id from actor_aliases where is_case_sensitive
),

case_insensitive_aliases as (
    select alias_key, actor_id from actor_aliases where not is_case_sensitive
),

actor_names as (
    select
        cast(actor_id as {{ dbt.type_string() }}) as actor_id,
        cast(actor as {{ dbt.type_string() }}) as actor
    from actors
),

with_actors as (
    select
        claims.*,
        coalesce(victim_exact.actor_id, victim_any_case.actor_id) as victim_actor_id,
        coalesce(perpetrator_exact.actor_id, perpetrator_any_case.actor_id) as perpetrator_actor_id
    from claims
    left join case_sensitive_aliases as victim_exact
        on claims.victim_actor = victim_exact.alias_key
    left join case_insensitive_aliases as victim_any_case
        on lower(claims.victim_actor) = victim_any_case.alias_key
    left join case_sensitive_aliases as perpetrator_exact
        on claims.perpetrator_actor = perpetrator_exact.alias_key
    left join case_insensitive_aliases as perpetrator_any_case
        on lower(claims.perpetrator_actor) = perpetrator_any_case.alias_key
),

with_place_ids as (
    select
        with_actors.*,
        coalesce(extracted_places.place_id, place_names.place_id) as place_id
    from with_actors
    left join places as extracted_places
        on with_actors.extracted_place_id = extracted_places.place_id
    left join place_names
        on lower(trim(with_actors.place_text)) = place_names.name_key
),

with_places as (
    select
        with_place_ids.*,
        places.place,
        places.kind as place_kind,
        places.specificity as place_specificity,
        places.admin1,
        coalesce(places.country, 'unknown') as country
    from with_place_ids
    left join places
        on with_place_ids.place_id = places.place_id
),

final as (
    select
        with_places.claim_id,
        with_places.article_id,
        with_places.content_sha256,
        with_places.extractor_version,
        with_places.extracted_at,
        with_places.published,
        with_places.source,
        with_places.sentence_index,
        with_places.sentence_start,
        with_places.sentence_end,
        with_places.char_start,
        with_places.char_end,
        with_places.quote,
        with_places.sentence,
        with_places.outcome,
        with_places.number_text,
        with_places.value_low,
        with_places.value_best,
        with_places.value_high,
        with_places.qualifier,
        with_places.is_vague,
        with_places.vague_term,
        with_places.victims_text,
        coalesce(with_places.victim_class, 'mixed_unknown') as victim_class,
        with_places.victim_actor as victim_actor_text,
        with_places.victim_actor_id,
        victim_actors.actor as victim_actor,
        with_places.perpetrator_actor as perpetrator_actor_text,
        with_places.perpetrator_actor_id,
        perpetrator_actors.actor as perpetrator_actor,
        with_places.place_text,
        with_places.place_source,
        with_places.place_id,
        with_places.place,
        with_places.place_kind,
        coalesce(with_places.place_specificity, 0) as place_specificity,
        with_places.admin1,
        with_places.country,
        with_places.event_date,
        with_places.period_start,
        with_places.period_end,
        with_places.date_precision,
        with_places.scope,
        with_places.part_of_claim_id,
        with_places.restates_claim_id,
        with_places.same_event_as_claim_id,
        with_places.is_new_event,
        with_places.is_party_claim,
        with_places.is_excluded,
        with_places.is_overridden,
        with_places.override_note,
        with_places.ingest_run_id
    from with_places
    left join actor_names as victim_actors
        on with_places.victim_actor_id = victim_actors.actor_id
    left join actor_names as perpetrator_actors
        on with_places.perpetrator_actor_id = perpetrator_actors.actor_id
)

select * from final
