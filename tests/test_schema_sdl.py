"""schema.graphql is the contract clients generate code from: it must be the code's schema."""

from __future__ import annotations

from schema import schema
from tests.helpers import ROOT


def test_the_committed_sdl_matches_the_code() -> None:
    committed = (ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert committed == schema.as_str() + "\n", (
        "schema.graphql is out of date: regenerate it with "
        "`python -c \"from schema import schema; open('schema.graphql','w').write(schema.as_str() + '\\n')\"`"
    )
