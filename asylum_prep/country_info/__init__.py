"""The country-conditions library: import public reports, split them into passages, search
them (SQLite FTS5 or PostgreSQL full text behind one interface) and cite passages exactly.

Nothing here imports streamlit, and nothing here stores applicant data."""
