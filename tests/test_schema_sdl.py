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


def test_each_kind_exposes_the_fields_of_the_one_table() -> None:
    """graph.model.KIND_FIELDS is where a kind's fields are defined; its GraphQL type has them."""
    from graph.model import KIND_FIELDS, camel_case, field_names
    from schema import schema

    for kind in KIND_FIELDS:
        graphql_type = schema.get_type_by_name(kind.value.capitalize())
        exposed = {f.graphql_name or camel_case(f.python_name) for f in graphql_type.fields}
        assert {camel_case(name) for name in field_names(kind)} <= exposed, kind
