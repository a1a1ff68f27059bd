"""Where a claim happened: its place from the sentence, the paragraph before or the dateline, the
smallest area holding several places, national tolls (a mixin of ArticleExtractor)."""

from __future__ import annotations

import re

from .article import ArticleClaim, Context, _LABEL_LINE, _LIST_GAP, _aggregate, _clause_after, find_dateline
from .claims import SentenceClaim
from .gazetteer import Mention

_REGION = re.compile(r"\b(?:southern|northern|eastern|western|central|north(?:ern)?-?(?:east|west)(?:ern)?|"
                     r"south(?:ern)?-?(?:east|west)(?:ern)?|north|south|east|west)\s+$", re.IGNORECASE)
_DISTRIBUTIVE = re.compile(r"\b(?:across|throughout|nationwide|country-?wide|overall|in\s+total|altogether|in\s+all\b|"
                           r"a\s+total\s+of|other\s+(?:\w+\s+)?(?:areas|cities|towns|provinces|parts|regions|districts)|"
                           r"several\s+(?:cities|provinces|towns|areas))", re.IGNORECASE)
_COUNTRYWIDE = re.compile(r"\b(?:across|throughout|around)\s+the\s+country\b|\bnationwide\b|\bcountry-?wide\b", re.IGNORECASE)
_SEVERAL_REGIONS = re.compile(r"\b(?:in|across)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|multiple)\s+"
                              r"(?:provinces|governorates|states|regions|oblasts|departments)\b", re.IGNORECASE)
_SHARE_OF = re.compile(r"\s+(?:accounted\s+for|for)\s+", re.IGNORECASE)
_SEVERAL_COUNTRIES = re.compile(r"\b(?:across|in|throughout)\s+(?:the\s+)?(?:two|three|four|five|six|\d+|several|many|all)?\s*"
                                r"(?:\w+\s+)?countries\b", re.IGNORECASE)
_ACROSS = re.compile(r"\b(?:across|throughout)\s+(?:the\s+)?$", re.IGNORECASE)
_BETWEEN_PLACES = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)
_ITEM_DATELINE = re.compile(r"^\W{0,3}(?P<place>[A-Z][A-Za-z'. -]{1,30}?)\s*(?:\([^)]{1,30}\))?\s*[-\u2013\u2014:]\s")
# between a place and a larger one holding it, not a list: "Taiz governorate in Yemen", "Bandiagara circle, in central Mali"
_NESTED_GAP = re.compile(r"(?![^.;]*\b(?:and|or|to|from|between)\b)[^.;]{0,25}")
# words that point back to a place named before: "in the province", "the city's", "there"
_AREA_ANAPHOR = re.compile(r"\b(?:the|this|that)\s+(?:same\s+|\w+\s+)?(?:state|province|governorate|region|city|town|village|"
                           r"district|county|area|camp|siege|prefecture|oblast|department|municipality|enclave|strip|"
                           r"valley|neighbou?rhood|capital|island|border\s+town)(?:['\u2019]s)?\b|\bthere\b|\blocal\b",
                           re.IGNORECASE)


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding position `at` starts: after the last comma, colon, semicolon or bracket before it."""
    return max(text.rfind(mark, 0, at) for mark in ",;:(") + 1


def _distance(mention: Mention, sc: SentenceClaim) -> int:
    if mention.start >= sc.end:
        return mention.start - sc.end
    if mention.end <= sc.start:
        return (sc.start - mention.end) + 10  # a place after the figure is more often its own
    return 0


def _listed_with(nearest: Mention, places: list[Mention], text: str) -> list[Mention]:
    """The places coordinated with the nearest one: 'Baghdad, Basra, Kut and Hilla'."""
    ordered = sorted(places, key=lambda m: m.start)
    i = ordered.index(nearest)
    group = [nearest]
    j = i
    while j + 1 < len(ordered) and _LIST_GAP.fullmatch(text[ordered[j].end:ordered[j + 1].start]):
        group.append(ordered[j + 1])
        j += 1
    j = i
    while j > 0 and _LIST_GAP.fullmatch(text[ordered[j - 1].end:ordered[j].start]):
        group.append(ordered[j - 1])
        j -= 1
    return group


class PlaceRules:
    """Where a claim happened: the ArticleExtractor methods of this step."""

    # -- where -----------------------------------------------------------------------------

    def _dateline(self, body: str, article_mentions: list[Mention]) -> str | None:
        match = find_dateline(body)
        if not match:
            return None
        for mention in self.gaz.disambiguate(self.gaz.mentions(match.group("place")), article_mentions):
            if mention.kind == "place":
                return mention.ref
        return None

    def _article_country(self, mentions: list[Mention], dateline: str | None) -> str | None:
        if dateline:
            return self.gaz.places[dateline].country
        counts: dict[str, int] = {}
        for m in mentions:
            if m.kind == "place":
                country = self.gaz.places[m.ref].country
                counts[country] = counts.get(country, 0) + 1
        return max(counts, key=counts.get) if counts else None

    def _place(self, claim: ArticleClaim, contexts: list[Context], dateline: str | None, country: str | None) -> None:
        ctx = claim.ctx
        text = ctx.sentence.text
        if ctx.places:
            nearest = min(ctx.places, key=lambda m: _distance(m, claim.sc))
            # "Burkina Faso accounted for 71 of the dead, Mali for 44": the place whose share it is
            owner = [m for m in ctx.places if m.end <= claim.sc.number.start
                     and _SHARE_OF.fullmatch(text, m.end, claim.sc.number.start)]
            nearest = owner[-1] if owner else nearest
            nearest = self._innermost(nearest, ctx.places, text)
            nearest = self._item_dateline_city(nearest, ctx.places, text)
            distributive = _DISTRIBUTIVE.search(text)
            if distributive and claim.sc.shape == "breakdown" and distributive.end() <= _clause_start(text, claim.sc.number.start):
                distributive = None  # "23 bodies across Baghdad, 11 of them in Dora": the part's own clause places it
            group = ctx.places if distributive else _listed_with(nearest, ctx.places, text)
            place_id, ids, spread = self._area_of(group, text)
            if place_id is None and len({self.gaz.places[i].country for i in ids}) > 1:
                # "in Mali, Burkina Faso and Niger": no one country holds the figure; it is spread over them
                claim.spread, claim.places_listed = True, tuple(ids)
                claim.place_text, claim.place_source = ", ".join(m.surface for m in group), "sentence"
                return
            place_id = place_id or nearest.ref
            # "across Iraq" is many places
            claim.spread = spread or bool(_ACROSS.search(text[max(0, nearest.start - 20):nearest.start]))
            if claim.spread and len(ids) > 1:
                claim.places_listed = tuple(ids)
            surface = nearest.surface if place_id == nearest.ref else self.gaz.places[place_id].name
            claim.place_id, claim.place_text, claim.place_source = place_id, surface, "sentence"
            nation = self.gaz.places[place_id].country
            if ("countr" in text.lower() or "ationwide" in text.lower()) and _COUNTRYWIDE.search(_clause_after(text, claim.sc.end)) \
                    and nation in self.gaz.countries:
                # "Since Baghdad declared victory, more than 1,400 ... have been killed across the country"
                claim.place_id, claim.place_text, claim.spread = self.gaz.countries[nation], nation, True
                return
            # "in northern Iraq": the next sentence may say where; not for a figure spread over the
            # region ("in a string of attacks across southern and central Somalia")
            if (len(ids) == 1 and self.gaz.places[place_id].kind == "country"
                    and _REGION.search(text[:nearest.start]) and not claim.spread and not _aggregate(text)):
                finer = self._next_sentence_place(ctx, contexts, self.gaz.places[place_id].country)
                if finer:
                    claim.place_id, claim.place_text, claim.place_source = finer.ref, finer.surface, "next_sentence"
            return
        index = ctx.sentence.index
        if _SEVERAL_COUNTRIES.search(text):
            # "across the three countries": spread over the countries the article named before, none of them
            named = list(dict.fromkeys(self.gaz.places[m.ref].country for c in contexts[:index + 1] for m in c.places))
            listed = [self.gaz.countries[n] for n in named if n in self.gaz.countries]
            if len(listed) > 1:
                claim.spread, claim.places_listed = True, tuple(listed)
                claim.place_text, claim.place_source = ", ".join(named), "article"
                return
        if _COUNTRYWIDE.search(text) or _SEVERAL_REGIONS.search(text):
            # "across the country", "in four provinces" with no place named: the country of the dateline or the article
            nation = self.gaz.places[dateline].country if dateline else country
            if nation in self.gaz.countries:
                claim.place_id, claim.place_text, claim.place_source = self.gaz.countries[nation], nation, "article"
                return
        if _aggregate(text):
            paragraph_places = [m.ref for c in contexts[:index] if c.sentence.paragraph == ctx.sentence.paragraph
                                for m in c.places]
            items = self._list_before(ctx, contexts) if not paragraph_places else []
            item_places = list(dict.fromkeys(c.place_id for item in items for c in item.claims if c.place_id))
            if item_places and (place_id := self.gaz.common_ancestor(item_places)):
                # "- Baquba: ... - Khalis: ... Total for the period: 14 dead": the area of the list's figures
                claim.place_id, claim.place_text, claim.place_source = place_id, self.gaz.places[place_id].name, "list"
                return
            if not paragraph_places:
                paragraph_places = [m.ref for c in contexts[:index] if c.sentence.paragraph == ctx.sentence.paragraph - 1
                                    for m in c.places]
            if paragraph_places:
                place_id = self.gaz.common_ancestor(list(dict.fromkeys(paragraph_places)))
                if place_id:
                    claim.place_id, claim.place_text, claim.place_source = place_id, self.gaz.places[place_id].name, "paragraph"
                    return
        # a table row labelled by no place ("Other governorates: 217 killed") is not of the row above's
        label_row = bool(_LABEL_LINE.match(text))
        for previous in reversed(contexts[:index] if not label_row else []):
            if previous.sentence.paragraph < ctx.sentence.paragraph - 1:
                break
            if previous.places and not previous.titleish:
                mention = previous.places[-1]
                # "in Taiz governorate in Yemen": the last place named holds an earlier one; the inner is where
                inner = [m for m in previous.places if m.end <= mention.start and m.ref in self.gaz.places
                         and mention.ref in self.gaz.ancestors(m.ref)[1:]
                         and _NESTED_GAP.fullmatch(previous.sentence.text[m.end:mention.start])]
                if inner:
                    mention = inner[-1]
                claim.place_id, claim.place_text, claim.place_source = mention.ref, mention.surface, "context"
                self._inherit_list(claim, mention, previous)
                return
            if previous.claims and previous.claims[-1].place_id and (
                    _COUNTRYWIDE.search(previous.sentence.text) or previous.claims[-1].place_source in ("sentence", "context")):
                # the figure before took its place from the text (or spoke of the whole country):
                # "Earlier, the Observatory had given a toll of 11" is where that figure was
                before = previous.claims[-1]
                claim.place_id, claim.place_text, claim.place_source = before.place_id, before.place_text, "context"
                return
        if dateline:
            claim.place_id, claim.place_text, claim.place_source = dateline, self.gaz.places[dateline].name, "dateline"
        elif country and country in self.gaz.countries:
            claim.place_id, claim.place_text, claim.place_source = self.gaz.countries[country], country, "article"

    @staticmethod
    def _list_before(ctx: Context, contexts: list[Context]) -> list[Context]:
        """The sentences of the list of items (bulleted paragraphs) that ends right before ctx's paragraph."""
        items: list[Context] = []
        paragraph = ctx.sentence.paragraph - 1
        for previous in reversed(contexts[:ctx.sentence.index]):
            if previous.sentence.paragraph < paragraph - 1 or not previous.list_item:
                break
            paragraph = previous.sentence.paragraph
            items.append(previous)
        return items

    def _inherit_list(self, claim: ArticleClaim, mention: Mention, previous: Context) -> None:
        """'operations in Helmand, Kunduz, Ghazni and Faryab. As a result, 62 insurgents were killed':
        a figure taking its place from a sentence that lists places is spread over all of them, so
        its place is the smallest area that holds them (not the last one named)."""
        text = previous.sentence.text
        place_id, ids, spread = self._area_of(_listed_with(mention, previous.places, text), text)
        if not spread:
            return
        claim.place_id, claim.place_text = place_id, self.gaz.places[place_id].name
        claim.spread, claim.places_listed = True, tuple(ids)

    def _area_of(self, group: list[Mention], text: str) -> tuple[str | None, list[str], bool]:
        """(smallest area holding the places of group, their ids, whether the figure is spread over
        them: none holds the others, and they are not the ends of a road "between Baghdad and Baquba")."""
        ids = list(dict.fromkeys(m.ref for m in group))
        if len(ids) == 1:
            return ids[0], ids, False
        place_id = self.gaz.common_ancestor(ids)
        spread = place_id is not None and place_id not in ids and not _BETWEEN_PLACES.search(
            text[:min(m.start for m in group)])
        return place_id, ids, spread

    def _national_toll(self, claim: ArticleClaim, contexts: list[Context]) -> None:
        """A toll over a period whose sentence names no place is the country's, not that of the place
        the sentence before named ("At least 1,022 Iraqis have been killed so far in March" after a
        bombing in Baquba), unless it points back to that place ("in the province since January")."""
        if claim.scope not in ("period_total", "cumulative") or claim.place_source not in ("context", "paragraph") \
                or not claim.place_id:
            return
        if _AREA_ANAPHOR.search(claim.ctx.sentence.text):
            return
        if claim.precision not in ("month", "year") and claim.period_start and claim.period_end \
                and (claim.period_end - claim.period_start).days < 28:
            return  # "since Sunday", "in the past 24 hours": a local tally of days ("so far in March" is not)
        index = claim.ctx.sentence.index
        if any(other.place_id == claim.place_id and other.scope in ("period_total", "cumulative")
               and (other.period_start, other.period_end) == (claim.period_start, claim.period_end)
               for ctx in contexts[max(0, index - 2):index] for other in ctx.claims):
            return  # "133 civilians were killed in Borno in February. The group counted 41 abducted in February"
        nation = self.gaz.places[claim.place_id].country
        if nation in self.gaz.countries and self.gaz.countries[nation] != claim.place_id:
            claim.place_id, claim.place_text, claim.place_source = self.gaz.countries[nation], nation, "article"

    def _item_dateline_city(self, mention: Mention, places: list[Mention], text: str) -> Mention:
        """'* MOSUL - A bomber struck ... in the Yarmouk district': a neighbourhood or site not inside the
        city that opens the item is that city's namesake; the city is where."""
        if self.gaz.places[mention.ref].kind not in ("neighbourhood", "site"):
            return mention
        lead = _ITEM_DATELINE.match(text)
        if not lead:
            return mention
        for other in places:
            if other.start == lead.start("place") and other is not mention:
                city = self.gaz.places[other.ref]
                if city.kind == "city" and other.ref not in self.gaz.ancestors(mention.ref):
                    return other
        return mention

    def _innermost(self, mention: Mention, places: list[Mention], text: str) -> Mention:
        """'Baghdad's Sadr City', 'Sadr City, Baghdad': of two adjacent nested places, the inner one."""
        for other in places:
            gap = text[mention.end:other.start] if other.start >= mention.end else text[other.end:mention.start]
            if other is mention or not re.fullmatch(r"'s\s+|,\s*|\s+in\s+|\s+(?:[a-z]+\s+)?(?:of|near|outside)\s+(?:the\s+)?", gap):
                continue
            if other.ref in self.gaz.places and mention.ref in self.gaz.ancestors(other.ref)[1:]:
                return other
        return mention

    def _next_sentence_place(self, ctx: Context, contexts: list[Context], country: str) -> Mention | None:
        index = ctx.sentence.index
        for following in contexts[index + 1:index + 2]:
            for mention in following.places:
                place = self.gaz.places[mention.ref]
                if place.country == country and place.kind != "country":
                    return mention
        return None
