"""benchmarks/name_role: the roles a capitalized word is counted in."""

from __future__ import annotations

from benchmarks.name_role import Role, roles


def test_a_first_name_opens_and_leads_a_surname_follows() -> None:
    assert roles(["kata", "Joko", "Widodo", "kemarin"]) == [
        ("joko", Role(opens=True, follows=False, leads=True)),
        ("widodo", Role(opens=False, follows=True, leads=False)),
    ]


def test_a_middle_name_follows_and_leads() -> None:
    assert roles(["Aktris", "Gal", "Gadot"])[1] == ("gal", Role(opens=False, follows=True, leads=True))


def test_a_name_alone_has_no_role_and_lowercase_words_are_left_out() -> None:
    assert roles(["di", "Jakarta", "kemarin"]) == [("jakarta", Role(opens=False, follows=False, leads=False))]
    assert roles(["di", "sana"]) == []
