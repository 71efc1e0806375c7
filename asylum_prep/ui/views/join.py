"""An applicant joins with the invite code from their attorney and chooses a password."""

from asylum_prep.ui.auth_views import render_join
from asylum_prep.ui.page import setup_public_page

render_join(setup_public_page(applicant_facing=True))
