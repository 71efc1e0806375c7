"""Administration: staff accounts and the full activity log."""

from asylum_prep.services.actor import Role
from asylum_prep.ui import admin
from asylum_prep.ui.page import setup_page

admin.render(setup_page(roles={Role.admin}))
