"""First-run setup: creates the first administrator (only reachable while no account exists)."""

from asylum_prep.ui.auth_views import render_setup
from asylum_prep.ui.page import setup_public_page

render_setup(setup_public_page())
