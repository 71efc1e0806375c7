"""Review answers: the legal team reads each part, comments, requests changes, approves."""

from asylum_prep.services.actor import Role
from asylum_prep.ui.page import setup_page
from asylum_prep.ui.review_page import render_review

render_review(setup_page(roles={Role.attorney, Role.paralegal, Role.translator}, needs_case=True))
