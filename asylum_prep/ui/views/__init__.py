"""Thin page scripts run by st.navigation (registered in asylum_prep/ui/navigation.py)."""
