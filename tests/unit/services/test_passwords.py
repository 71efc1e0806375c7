"""Password rules: long, not blank, not the user name, no simple pattern, not a common password;
each refusal a whole translated sentence. The accounts services apply them everywhere a
password is chosen."""

from __future__ import annotations

import pytest

from asylum_prep.errors import InputRefused
from asylum_prep.i18n import translator
from asylum_prep.services import invites, passwords, users
from asylum_prep.services.actor import Role
from asylum_prep.storage.engine import Store
from tests.support import PASSWORD, People


def _reason(password: str, username: str = "") -> str:
    with pytest.raises(InputRefused) as refused:
        passwords.check_password_rules(password, username=username)
    return refused.value.template


@pytest.mark.parametrize("password", ["password", "short", "a" * 11, "eleven char"])
def test_under_twelve_characters_is_refused(password: str) -> None:
    assert _reason(password) == passwords.TOO_SHORT


@pytest.mark.parametrize("password", [" " * 8, " " * 12, "\t" * 20, "\u00a0" * 14])
def test_spaces_only_is_refused_with_its_own_reason(password: str) -> None:
    assert _reason(password) == passwords.ONLY_SPACES


@pytest.mark.parametrize("password", [
    "a" * 12, "zzzzzzzzzzzzzzzz", "abcabcabcabc", "passwordpassword",  # repeated
    "qwertyuiopasdf", "mnbvcxzlkjhgf", "1qaz2wsx3edc4rfv", "azertyuiopqsd",  # keyboard runs
    "abcdefghijklmn", "zyxwvutsrqpo", "!@#$%^&*()!@",
    "123456789012", "2024 05 17 1990", "۱۲۳۴۵۶۷۸۹۰۱۲",  # digits only (any script)
])
def test_simple_patterns_are_refused(password: str) -> None:
    assert _reason(password) == passwords.PATTERN


@pytest.mark.parametrize("password", [
    "Password2024!", "iloveyou1234", "P@ssw0rd12345", "letmein!!!!!!", "123456 qwerty",
    "I love you forever", "Correct Horse Battery Staple", "1l0v3y0u12345", "welcome to 2024",
    "Sunshine.1985", "contraseña2024",
])
def test_common_passwords_and_their_decorations_are_refused(password: str) -> None:
    assert _reason(password) == passwords.COMMON


@pytest.mark.parametrize(("password", "username"), [
    ("amina-paralegal-2024", "amina"), ("My name is AMINA!!", "amina"),
    ("abcd efgh jkmn 2024", "abcd-efgh-jkmn"),  # an applicant's sign-in name is her code
])
def test_the_user_name_inside_is_refused(password: str, username: str) -> None:
    assert _reason(password, username) == passwords.HAS_USERNAME


@pytest.mark.parametrize("password", [
    PASSWORD, "correct mule bicycle lamp", "Tehran rain on a Tuesday", "ma 7 sœurs à Lyon",
    "گربه‌ی من سفید است", "x9#Lq2!vR7pW", "twelve chars",
])
def test_good_passwords_pass(password: str) -> None:
    passwords.check_password_rules(password, username="amina")


def test_the_list_ships_with_the_package_and_has_a_few_hundred_entries() -> None:
    common = passwords.common_passwords()
    assert 300 <= len(common) <= 2000
    assert {"password", "iloveyou", "qwerty", "letmein"} <= common
    assert all(entry == entry.strip().casefold() for entry in common)


def test_every_reason_is_translated() -> None:
    spanish = translator("es")
    for template in (passwords.TOO_SHORT, passwords.ONLY_SPACES, passwords.PATTERN,
                     passwords.COMMON, passwords.HAS_USERNAME):
        assert spanish(template) != template, template


@pytest.mark.parametrize("password", ["password", " " * 8, "aaaaaaaaaaaa", "iloveyou2024"])
def test_every_way_to_choose_a_password_applies_the_rules(
        store: Store, people: People, password: str) -> None:
    with pytest.raises(InputRefused):
        users.create_user(store, people.admin, username="newbie", password=password,
                          role=Role.paralegal)
    with pytest.raises(InputRefused):
        users.change_password(store, people.attorney, old_password=PASSWORD,
                              new_password=password)
    code = invites.create_invite(store, people.attorney, people.case_id)
    with pytest.raises(InputRefused):
        invites.redeem_invite(store, code=code, password=password)
    assert users.sign_in(store, username=people.attorney.username, password=PASSWORD)


def test_the_first_admin_cannot_use_a_weak_password(store: Store) -> None:
    with pytest.raises(InputRefused):
        users.create_first_admin(store, username="boss", password="password")
    with pytest.raises(InputRefused):
        users.create_first_admin(store, username="boss", password="boss boss boss")
    assert users.needs_first_admin(store)
