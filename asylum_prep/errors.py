"""One exception hierarchy. Each error carries a translatable message template and parameters.

Messages are written as whole English sentences with named placeholders; the page edge and the
CLI translate them with `message(translate)`. Nothing here includes applicant data in a message
unless the caller passes it explicitly as a parameter meant for the acting user.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def N_(text: str) -> str:
    """Mark a string for extraction without translating it here."""
    return text


class AsylumPrepError(Exception):
    """Base of every error the app expects and shows to a user."""

    template: str = N_("Something went wrong. Nothing was changed.")

    def __init__(self, template: str | None = None, **params: Any) -> None:
        self.template = template or self.template
        self.params = params
        super().__init__(self.message())

    def message(self, translate: Callable[[str], str] | None = None) -> str:
        text = translate(self.template) if translate else self.template
        try:
            return text.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**self.params)


class ConfigError(AsylumPrepError):
    template = N_("The app is not set up correctly.")


class KeyMissingError(ConfigError):
    template = N_(
        "The master key is missing but the data directory {data_dir} holds encrypted cases. "
        "Restore the key file or set ASYLUM_PREP_MASTER_KEY; the app will not start a new, "
        "empty store over existing data."
    )


class WrongKeyError(ConfigError):
    template = N_(
        "The master key does not match the data in {data_dir}. Use the key this store was "
        "created with."
    )


class KeyVersionMissing(WrongKeyError):
    template = N_(
        "The data in {data_dir} needs master key version {versions} (key id {key_ids}), which "
        "this key ring does not hold. Use a key file that holds it: rotation keeps every "
        "earlier version in the key file, so the newest copy of the key file holds them all."
    )


class IntegrityError(AsylumPrepError):
    template = N_("Stored data failed its integrity check and was not used.")


class NotFoundError(AsylumPrepError):
    template = N_("Not found.")


class PermissionDenied(AsylumPrepError):
    template = N_("You do not have permission to do that.")


class AccountDisabled(PermissionDenied):
    """The acting account was deactivated since it signed in."""

    template = N_("Your account was deactivated by an administrator. Ask them if you need it "
                  "again.")


class PasswordChangeRequired(PermissionDenied):
    """An administrator reset the password: nothing else until the person chooses one."""

    template = N_("Choose a new password before you continue.")


class AuthError(AsylumPrepError):
    template = N_("The user name or password is not right.")


class LockedOut(AuthError):
    template = N_("Too many failed sign-ins. Try again in {minutes} minutes.")


class StaleVersionError(AsylumPrepError):
    template = N_(
        "Someone else saved this case while you were editing (your copy: version {base}, "
        "now: version {current}). Changed meanwhile: {changed}. Nothing of yours was "
        "overwritten; reload to see their changes, then make yours again."
    )


class DeclarationChanged(StaleVersionError):
    template = N_(
        "Someone else changed the declaration while you were working on it (your copy: "
        "version {base}, now: version {current}). Nothing of yours was saved; reload to see "
        "their changes, then make yours again."
    )


class ArchiveError(AsylumPrepError):
    template = N_(
        "The archive could not be opened: the passphrase is wrong or the file was damaged "
        "or altered."
    )


class StorageUnavailable(ConfigError):
    """The database or data dir cannot be written (full, read-only, unreachable). A ConfigError
    so that edges which stop on a broken set-up also show this one clearly."""

    template = N_(
        "The case could not be saved: the storage is full, read-only or unreachable. Nothing "
        "was changed. Tell your administrator."
    )


class InputRefused(AsylumPrepError):
    template = N_("This input was refused: {reason}")
