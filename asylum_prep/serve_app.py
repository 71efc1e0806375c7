"""What `asylum-prep serve` runs: the Streamlit app (app.py) with the one route it adds.

`streamlit run asylum_prep/serve_app.py` finds `app` below and serves app.py through it,
exactly as `streamlit run asylum_prep/app.py` would, plus `POST /_session/cookies`
(ui/cookie_route.py), which sets the session, language and discreet-mode cookies that a page
run cannot set itself. Served without this file (a bare `streamlit run asylum_prep/app.py`),
the app works the same but forgets the sign-in and the language at a reload.
"""

import streamlit as st

from asylum_prep.ui.cookie_route import ROUTES
from asylum_prep.ui.launch import no_address_lookups

no_address_lookups()
app = st.App("app.py", routes=ROUTES)
