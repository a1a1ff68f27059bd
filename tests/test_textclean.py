"""Text normalisation and page-furniture removal."""

from ingest.textclean import clean, normalise, strip_furniture
from conftest import SAMPLE_DIR


def sample_body(prefix: str) -> str:
    path = next(SAMPLE_DIR.glob(f"{prefix}_*.txt"))
    return clean(path.read_text(encoding="utf-8"))


def test_normalise_quotes_dashes_and_whitespace():
    text = "\u201cThere were 925\u00a0martyrs,\u201d he said \u2013 Baghdad\u2019s  toll.\r\n\r\n\r\n\tNext"
    assert normalise(text) == "\"There were 925 martyrs,\" he said - Baghdad's toll.\n\nNext"


def test_normalise_is_idempotent_and_nfc():
    text = "Cafe\u0301 in Mosul \u2014 two dead"
    once = normalise(text)
    assert once == "Caf\u00e9 in Mosul \u2014 two dead"
    assert normalise(once) == once


def test_trailing_opinion_block_is_cut_from_dawn_pages():
    body = sample_body("000")
    assert body.endswith("civilians are often killed.\u2014AFP")
    assert "Rs70.4tr" not in body and "Opinion" not in body and "08 Jan, 2025" not in body
    body2 = sample_body("002")
    assert body2.endswith("Mahdi Army militiamen.\u2014AFP")
    assert "Pager explosions" not in body2


def test_cnn_navigation_and_email_widgets_are_removed():
    body = sample_body("003")
    for furniture in ("Skip to main content", "E-mail to a friend", "All About", "Decrease font", "Next Article in"):
        assert furniture not in body
    assert body.endswith('a Sadrist statement said.')
    assert "Muqtada al-Sadr offers to get rid of militia fighters" in body  # story highlights are content


def test_mid_page_widget_line_dropped_but_following_text_kept():
    body = sample_body("004")
    assert "Recommended Videos" not in body
    assert "Two militiamen from al-Sadr's group Saraya Salam" in body
    assert body.endswith("until further notice.")


def test_early_section_word_is_not_mistaken_for_trailing_furniture():
    text = "Opinion\n\nGunmen killed three policemen in Kirkuk on Monday, officials said.\n\n" + "More text. " * 30
    assert strip_furniture(text).startswith("Opinion")


def test_related_stories_and_tags_cut():
    text = ("MOSUL, Iraq - A roadside bomb killed four soldiers on Sunday. " * 5
            + "\n\nRelated stories\n\nTen killed in Kirkuk blast\n\nTags: Iraq, Mosul")
    body = strip_furniture(text)
    assert "Ten killed" not in body and "Tags" not in body
    assert body.endswith("on Sunday.")


def test_inline_email_widget_removed_in_any_case():
    assert strip_furniture("Five people died. E-MAIL TO A FRIEND") == "Five people died."
    assert strip_furniture("Five friends died.") == "Five friends died."


def test_fold_holds_every_ascii_letter_ignorecase_matches():
    import re

    from ingest.textclean import fold

    for code in range(0x80, 0x20000):
        ch = chr(code)
        for letter in "abcdefghijklmnopqrstuvwxyz":
            if re.fullmatch(letter, ch, re.IGNORECASE):
                assert letter in fold(ch), (hex(code), letter)
