"""The example queries GraphiQL opens with, built on what is loaded so that each one runs."""

from __future__ import annotations

import json

from graph.errors import PlanGraphError
from graph.model import EntityKind
from graph.store import GraphStore

__all__ = ["example_queries"]


def _literal(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _first_leaf_task(store: GraphStore) -> str | None:
    """The first numbered task: a task with no parts (not a task group)."""
    tasks = store.find(EntityKind.TASK, None, None, 0, 100).entities
    parts = store.children_of([t.id for t in tasks])
    leaves = [t.id for t, p in zip(tasks, parts, strict=True) if not p]
    return leaves[0] if leaves else None


def _first_of(store: GraphStore, kind: EntityKind) -> str | None:
    found = store.find(kind, None, None, 0, 1).entities
    return found[0].id if found else None


def impact_query(task_id: str) -> str:
    return f"""# Impact analysis: what is put at risk if this task slips, and through which links?
query TaskImpact {{
  impact(id: {_literal(task_id)}, maxDepth: 3) {{
    root {{ id name }}
    countsByKind {{ kind count }}
    affected {{
      depth
      entity {{ id kind name }}
      path {{ type direction other {{ name }} }}
    }}
    departments {{ id name }}
  }}
}}
"""


def responsibilities_query(department_id: str) -> str:
    return f"""# What a department answers for: directly, or inherited down PART_OF from a whole it leads.
query DepartmentResponsibilities {{
  responsibilities(departmentId: {_literal(department_id)}) {{
    role
    origin
    entity {{ kind name }}
    inheritedFrom {{ name }}
    evidence
  }}
}}
"""


INDICATORS_QUERY = """# Indicators and what supports them: an empty supportedBy list is a target nothing works towards.
query IndicatorSupport {
  entities(kind: INDICATOR, first: 100) {
    nodes {
      name
      ... on Indicator { metric comparator value unit deadline }
      supportedBy: relations(type: SUPPORTS, direction: UPSTREAM) { origin other { kind name } }
    }
  }
}
"""


def path_query(from_id: str, to_id: str) -> str:
    return f"""# The shortest chain of relations linking two entities, each relation taken either way.
query PathBetween {{
  path(fromId: {_literal(from_id)}, toId: {_literal(to_id)}) {{
    kind
    name
  }}
}}
"""


def example_queries(store: GraphStore) -> list[str]:
    """One tab per question a planner starts with. While the store cannot be reached, a single
    tab says so (the page itself must still open)."""
    try:
        task = _first_leaf_task(store)
        load = store.department_load(None)
        project = _first_of(store, EntityKind.PROJECT)
        indicator = _first_of(store, EntityKind.INDICATOR)
    except PlanGraphError:
        return ["# The graph database cannot be reached right now.\nquery Plans { plans { id title } }\n"]
    examples = [impact_query(task or "…")]
    if load:
        examples.append(responsibilities_query(load[0][0].id))
    examples.append(INDICATORS_QUERY)
    if project and indicator:
        examples.append(path_query(project, indicator))
    return examples
