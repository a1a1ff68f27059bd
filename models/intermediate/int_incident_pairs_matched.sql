{{ config(
    materialized='incremental',
    unique_key=['claim_id', 'other_claim_id'],
    incremental_strategy='delete+insert',
    post_hook=[
        "{{ delete_stale_claims(ref('int_claims_bucketed')) }}",
        "{{ delete_stale_claims(ref('int_claims_bucketed'), 'other_claim_id', 'other_extraction_key') }}",
    ],
) }}
-- Pairs of incident reports that are reports of the same event (the edges that
-- int_claims_mapped_to_incidents grows incidents from). Two reports pair when their event
-- dates are at most 1 day apart and their places are the same or nested (int_places_flattened:
-- parent chain, admin1, country), and either
--   * they come from different articles, have the same outcome, compatible victim classes
--     (the same, or one is mixed_unknown) and compatible counts: the ranges overlap (an open
--     "at least" range has no top) or the smaller low is at least var incident_count_ratio of
--     the larger, or one is a side's claim of the other side's losses and the other is not, of
--     the same victim class, whatever their sizes (a side's claims run far above other counts;
--     int_incidents_merged lets such a claim raise only the high); or
--   * they come from one sentence of one article and have different outcomes ("at least 30
--     people dead and over 400 wounded"); or
--   * they come from one sentence of one article, have the same outcome, the same place and the
--     same date: parts of one event with no stated total ("three policemen and two soldiers were
--     killed"), which int_incidents_merged adds up; or
--   * they come from one article and the extractor marked one as another source's count of the
--     other (same_event_as_claim_id: "killed 30 ... the ministry put the toll at 37"); being in
--     different sentences, int_incidents_merged takes the larger, as for two articles.
--     Other unmarked figures of the same outcome in one article are two events (the extractor
--     marks repeats as restatements).
-- Candidate pairs are only formed inside a block of (outcome family, country, date +-1 day):
-- each report's date-1, date and date+1 are joined to the other reports' dates, so no pair
-- outside a block is ever compared. Reports without an event date or a resolved place never pair.
-- Incremental: a run pairs the reports int_claims_bucketed added after this table's newest
-- paired_at (every report added since the last run that stored a pair) with the reports of
-- their blocks; a post-hook drops the pairs of claims no longer current. If the clock reads no
-- later than the newest paired_at (set back), every report is paired again.
with claims as (
    select * from {{ ref('int_claims_bucketed') }}
),

place_nesting as (
    select * from {{ ref('int_places_flattened') }}
),

reports as (
    select
        claim_id,
        article_id,
        sentence_index,
        same_event_as_claim_id,
        is_party_claim,
        outcome,
        victim_class,
        {{ outcome_family('outcome') }} as outcome_family,
        event_date,
        bucket_place_id as place_id,
        bucket_country as country,
        report_low,
        report_high,
        {{ extraction_key() }} as extraction_key,
        bucketed_at
    from claims
    where counting_role = 'counted'
      and figure_kind = 'incident'
),

mergeable_reports as (
    select * from reports
    where event_date is not null
      and place_id is not null
      and country <> 'unknown'
),

day_offsets as (
    {{ day_offsets(1) }}
),

{% if is_incremental() %}
watermark as (
    select coalesce(max(paired_at), {{ dbt.cast("'1900-01-01'", dbt.type_timestamp()) }}) as paired_at
    from {{ this }}
),

new_reports as (
    -- bucketed after the newest stored pair; every report if the clock now reads no later than
    -- that pair (it was set back), since new rows would then look older than the watermark
    select mergeable_reports.*
    from mergeable_reports
    cross join watermark
    where mergeable_reports.bucketed_at > watermark.paired_at
       or {{ build_started_at() }} <= watermark.paired_at
),

touched_blocks as (
    select distinct
        new_reports.outcome_family,
        new_reports.country,
        cast({{ dbt.dateadd('day', 'day_offsets.day_offset', 'new_reports.event_date') }} as date) as event_date
    from new_reports
    cross join day_offsets
),

block_reports as (
    -- the reports a new report can pair with: its block, a day either side
    select mergeable_reports.*
    from mergeable_reports
    inner join touched_blocks
        on mergeable_reports.outcome_family = touched_blocks.outcome_family
        and mergeable_reports.country = touched_blocks.country
        and mergeable_reports.event_date = touched_blocks.event_date
),
{% else %}
block_reports as (
    select * from mergeable_reports
),
{% endif %}

blocking_keys as (
    select
        block_reports.*,
        day_offsets.day_offset,
        cast({{ dbt.dateadd('day', 'day_offsets.day_offset', 'block_reports.event_date') }} as date) as block_date
    from block_reports
    cross join day_offsets
),

candidate_pairs as (
    select
        this_report.claim_id,
        other_report.claim_id as other_claim_id,
        this_report.article_id,
        other_report.article_id as other_article_id,
        this_report.sentence_index,
        other_report.sentence_index as other_sentence_index,
        coalesce(
            this_report.same_event_as_claim_id = other_report.claim_id
            or other_report.same_event_as_claim_id = this_report.claim_id,
            false
        ) as is_other_count,
        this_report.outcome,
        other_report.outcome as other_outcome,
        this_report.victim_class,
        other_report.victim_class as other_victim_class,
        this_report.is_party_claim,
        other_report.is_party_claim as other_is_party_claim,
        this_report.event_date,
        other_report.event_date as other_event_date,
        this_report.place_id,
        other_report.place_id as other_place_id,
        this_report.report_low,
        other_report.report_low as other_low,
        this_report.report_high,
        other_report.report_high as other_high,
        this_report.extraction_key,
        other_report.extraction_key as other_extraction_key,
        abs(this_report.day_offset) as days_apart
    from blocking_keys as this_report
    inner join block_reports as other_report
        on this_report.outcome_family = other_report.outcome_family
        and this_report.country = other_report.country
        and this_report.block_date = other_report.event_date
    where this_report.claim_id < other_report.claim_id
    {%- if is_incremental() %}
      and (
          this_report.claim_id in (select claim_id from new_reports)
          or other_report.claim_id in (select claim_id from new_reports)
      )
    {%- endif %}
),

with_nesting as (
    select
        candidate_pairs.*,
        this_within_other.depth as this_within_other_depth,
        other_within_this.depth as other_within_this_depth
    from candidate_pairs
    left join place_nesting as this_within_other
        on candidate_pairs.place_id = this_within_other.place_id
        and candidate_pairs.other_place_id = this_within_other.ancestor_id
    left join place_nesting as other_within_this
        on candidate_pairs.other_place_id = other_within_this.place_id
        and candidate_pairs.place_id = other_within_this.ancestor_id
),

judged_pairs as (
    select
        *,
        case
            when place_id = other_place_id then 'same place'
            when this_within_other_depth is not null or other_within_this_depth is not null then 'nested places'
        end as place_relation,
        case
            when article_id = other_article_id and outcome = other_outcome and is_other_count
                then 'another count of the same event'
            when article_id = other_article_id and outcome = other_outcome then 'parts of one sentence'
            when outcome <> other_outcome then 'different outcomes in one sentence'
            when is_party_claim <> other_is_party_claim and victim_class = other_victim_class
                then 'a side''s claim and another count'
            when (other_high is null or report_low <= other_high)
                and (report_high is null or other_low <= report_high) then 'overlapping counts'
            when (case when report_low < other_low then report_low else other_low end)
                >= {{ var('incident_count_ratio') }} * (case when report_low > other_low then report_low else other_low end)
                then 'close counts'
        end as count_relation
    from with_nesting
),

edges as (
    select
        claim_id,
        other_claim_id,
        extraction_key,
        other_extraction_key,
        event_date,
        other_event_date,
        days_apart,
        place_relation,
        count_relation,
        {{ dbt.concat([
            "case when article_id <> other_article_id then 'another article'"
            " when sentence_index = other_sentence_index then 'same sentence' else 'same article' end",
            "', '", "count_relation",
            "' ('", "cast(report_low as " ~ dbt.type_string() ~ ")",
            "' vs '", "cast(other_low as " ~ dbt.type_string() ~ ")", "')'",
            "', event dates '", "cast(days_apart as " ~ dbt.type_string() ~ ")", "' day(s) apart, '",
            "place_relation"
        ]) }} as pair_reason
    from judged_pairs
    where place_relation is not null
      and count_relation is not null
      and (
          (
              article_id <> other_article_id
              and outcome = other_outcome
              and (
                  victim_class = other_victim_class
                  or victim_class = 'mixed_unknown'
                  or other_victim_class = 'mixed_unknown'
              )
          )
          or (article_id = other_article_id and outcome <> other_outcome and sentence_index = other_sentence_index)
          or (
              article_id = other_article_id
              and outcome = other_outcome
              and sentence_index = other_sentence_index
              and place_id = other_place_id
              and days_apart = 0
          )
          or (article_id = other_article_id and outcome = other_outcome and is_other_count)
      )
),

final as (
    select
        claim_id,
        other_claim_id,
        event_date,
        other_event_date,
        days_apart,
        place_relation,
        count_relation,
        pair_reason,
        extraction_key,
        other_extraction_key,
        {{ build_started_at() }} as paired_at
    from edges
)

select * from final
