"""Persistence: engine and migrations, tables, repositories and encryption at rest."""
