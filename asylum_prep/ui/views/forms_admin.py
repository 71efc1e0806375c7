"""Official forms: the admin imports the current edition of the I-589 once."""

from asylum_prep.services.actor import Role
from asylum_prep.ui import forms_admin
from asylum_prep.ui.page import setup_page

forms_admin.render(setup_page(roles={Role.admin}))
