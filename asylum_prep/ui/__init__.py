"""Streamlit user interface: page helpers, session-state keys, styling. views/ holds pages."""
