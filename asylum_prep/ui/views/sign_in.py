"""Sign-in with user name (or invite code) and password."""

from asylum_prep.ui.auth_views import render_sign_in
from asylum_prep.ui.page import setup_public_page

render_sign_in(setup_public_page())
