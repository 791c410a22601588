"""The house's roles: the names of the user groups that `editorial`'s migrations create.

Named here, below every app, so that `editorial` (which gives the groups their permissions) and
`translations` (which restricts translators to their languages) read them from one place. The
migrations keep their own copies: they record the names the groups were created with.
"""

CONTRIBUTORS = "Contributors"
EDITORS = "Editors"
TRANSLATORS = "Translators"
ADMINISTRATORS = "Administrators"
