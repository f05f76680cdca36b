"""Typed records: the one source of truth for validation and for the JSON Schemas."""
