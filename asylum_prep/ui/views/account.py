"""The signed-in person's account: sign out, change password."""

from asylum_prep.ui import account
from asylum_prep.ui.page import setup_page

account.render(setup_page())
