"""From one article version to claim rows and mention rows (columns of raw.claim_events / mention_events)."""

from __future__ import annotations

import datetime as dt

EXTRACTOR_VERSION = "0.0.0-skeleton"


def extract_article(article_id: str, body: str, published: dt.date | None, content_sha256: str) -> tuple[list[dict], list[dict]]:
    """Claims and mentions found in one article version (skeleton: none yet)."""
    return [], []
