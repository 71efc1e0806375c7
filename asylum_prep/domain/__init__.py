"""Pydantic models of a case. No storage, no UI: plain validated data."""
