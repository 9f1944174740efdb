"""The README's example queries give exactly the answers it shows."""

from __future__ import annotations

import json
import re

import pytest

from tests.helpers import ROOT, GraphQL

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```graphql\n(.*?)```\s*```json\n(.*?)```", README, re.DOTALL)


def test_the_readme_has_three_examples() -> None:
    assert len(EXAMPLES) == 3


@pytest.mark.parametrize(("query", "answer"), EXAMPLES, ids=["impact", "responsibilities", "indicators"])
def test_readme_example_gives_the_answer_shown(data: GraphQL, query: str, answer: str) -> None:
    assert data(query) == json.loads(answer)
