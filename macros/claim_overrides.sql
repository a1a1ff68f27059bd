{% macro claim_override_fields() %}
    {#- The claim fields an analyst may set in seeds/claim_overrides.csv, with their types: read by
        int_claims_overridden (which applies them) and by assert_claim_overrides_are_valid (which
        checks the seed), so a new overridable field is added once. -#}
    {{ return([
        ('outcome', 'string'), ('value_low', 'bigint'), ('value_high', 'bigint'), ('qualifier', 'string'),
        ('is_vague', 'boolean'), ('vague_term', 'string'), ('victims_text', 'string'),
        ('victim_class', 'string'), ('victim_actor', 'string'), ('perpetrator_actor', 'string'),
        ('place_text', 'string'), ('event_date', 'date'), ('period_start', 'date'), ('period_end', 'date'),
        ('date_precision', 'string'), ('scope', 'string'), ('part_of_claim_id', 'string'),
        ('restates_claim_id', 'string'), ('same_event_as_claim_id', 'string'), ('is_new_event', 'boolean'),
        ('is_party_claim', 'boolean'),
    ]) }}
{% endmacro %}
