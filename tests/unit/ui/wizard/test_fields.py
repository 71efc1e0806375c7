"""The country picker offers countries only, named in the person's language."""

from asylum_prep.ui.wizard.fields import countries


def test_country_choices_are_countries_only():
    for lang in ("en", "fa", "ar"):
        codes = {code for code, _ in countries(lang)}
        assert {"IR", "AF", "ER", "SY", "VE"} <= codes
        assert not codes & {"EU", "EZ", "UN", "QO", "ZZ", "XA"}
        assert "XK" in codes  # Kosovo
        assert 240 <= len(codes) <= 260
