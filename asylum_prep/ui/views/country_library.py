"""Country library: import public reports, search them, cite passages in the open case."""

from asylum_prep.services.actor import Role
from asylum_prep.ui import country_library_page
from asylum_prep.ui.page import setup_page

country_library_page.render(setup_page(roles={Role.attorney, Role.paralegal}))
