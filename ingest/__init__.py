"""Conflict casualty warehouse: news articles -> append-only DuckDB event log -> dbt marts."""

__version__ = "0.1.0"
