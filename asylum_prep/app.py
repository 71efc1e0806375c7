"""The Streamlit entry point: builds st.navigation for the signed-in role, nothing else.

Run with `asylum-prep serve` (or `streamlit run asylum_prep/app.py`). Pages live in
asylum_prep/ui/views/ and are registered in asylum_prep/ui/navigation.py.
"""

from asylum_prep.ui.launch import no_address_lookups
from asylum_prep.ui.navigation import run

no_address_lookups()  # `asylum-prep serve` did it already; this covers a bare `streamlit run`
run()
