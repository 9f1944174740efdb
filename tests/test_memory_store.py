"""The memory store's semantics on a small hand-made graph: impact directions and the
inheritance of responsibility down PART_OF."""

from __future__ import annotations

import pytest

from graph.errors import EntityNotFound
from graph.memory import MemoryStore
from graph.model import Direction, Entity, EntityKind, GraphDocument, Relation, RelationType, Role
from graph.semantics import IMPACT_FLOW

K, R = EntityKind, RelationType


def _store() -> MemoryStore:
    """A project with two parts, one naming its own lead; a standard the project formulates;
    a task the project implements; a goal the task supports."""
    doc = GraphDocument()
    for entity_id, kind, parent in [
        ("p", K.PLAN, None),
        ("p/project", K.PROJECT, "p"),
        ("p/project/a", K.PROJECT, "p/project"),
        ("p/project/b", K.PROJECT, "p/project"),
        ("p/project/b/1", K.PROJECT, "p/project/b"),
        ("p/standard", K.STANDARD, None),
        ("p/task", K.TASK, "p"),
        ("p/goal", K.GOAL, "p"),
    ]:
        doc.add_entity(Entity(entity_id, kind, entity_id.rsplit("/", 1)[-1], plan="p", parent=parent))
    for entity_id in ("d/lead", "d/support", "d/other"):
        doc.add_entity(Entity(entity_id, K.DEPARTMENT, entity_id))
    for rel_type, source, target, role in [
        (R.PART_OF, "p/project", "p", None),
        (R.PART_OF, "p/project/a", "p/project", None),
        (R.PART_OF, "p/project/b", "p/project", None),
        (R.PART_OF, "p/project/b/1", "p/project/b", None),
        (R.PART_OF, "p/task", "p", None),
        (R.PART_OF, "p/goal", "p", None),
        (R.FORMULATES, "p/project", "p/standard", None),
        (R.IMPLEMENTS, "p/project", "p/task", None),
        (R.SUPPORTS, "p/task", "p/goal", None),
        (R.RESPONSIBLE_FOR, "d/lead", "p/project", Role.LEAD),
        (R.RESPONSIBLE_FOR, "d/support", "p/project", Role.SUPPORT),
        (R.RESPONSIBLE_FOR, "d/other", "p/project/b", Role.LEAD),
    ]:
        doc.add_relation(Relation(rel_type, source, target, role=role))
    store = MemoryStore()
    store.load(doc)
    return store


def test_every_relation_type_has_an_impact_direction() -> None:
    assert set(IMPACT_FLOW) == set(RelationType)
    assert IMPACT_FLOW[R.FORMULATES] is Direction.UPSTREAM and IMPACT_FLOW[R.PART_OF] is Direction.DOWNSTREAM


def test_impact_follows_each_relation_in_its_impact_direction() -> None:
    store = _store()
    # A missing standard puts the project that formulates it at risk, then what the project
    # implements and is part of, then what that supports.
    reached = {r.entity.id: r.depth for r in store.impact("p/standard", 6)}
    assert reached == {"p/project": 1, "p": 2, "p/task": 2, "p/goal": 3}
    # A project's parts do not put each other at risk, but each puts its whole at risk.
    assert {r.entity.id for r in store.impact("p/project/a", 6)} == {"p/project", "p", "p/task", "p/goal"}


def test_impact_path_records_directions() -> None:
    reach = {r.entity.id: r for r in _store().impact("p/standard", 6)}
    steps = [(s.relation.type, s.direction, s.other.id) for s in reach["p/goal"].path]
    assert steps == [
        (R.FORMULATES, Direction.UPSTREAM, "p/project"),
        (R.IMPLEMENTS, Direction.DOWNSTREAM, "p/task"),
        (R.SUPPORTS, Direction.DOWNSTREAM, "p/goal"),
    ]


def test_dependencies_respect_depth_and_types() -> None:
    store = _store()
    down = store.dependencies("p/project/b/1", Direction.DOWNSTREAM, [R.PART_OF], 2)
    assert [(r.entity.id, r.depth) for r in down] == [("p/project/b", 1), ("p/project", 2)]
    assert store.dependencies("p/project", Direction.DOWNSTREAM, [R.SUPPORTS], 5) == []


def test_responsibility_is_inherited_down_part_of_unless_a_part_names_its_own_lead() -> None:
    store = _store()
    answers = {(a.entity.id, a.role, a.inherited_from.id if a.inherited_from else None)
               for a in store.responsibilities("d/lead", include_inherited=True)}  # fmt: skip
    assert answers == {
        ("p/project", Role.LEAD, None),
        ("p/project/a", Role.LEAD, "p/project"),
        # p/project/b names its own lead (d/other), so neither it nor its part inherits.
    }
    assert {a.entity.id for a in store.responsibilities("d/lead", include_inherited=False)} == {"p/project"}
    other = {(a.entity.id, a.inherited_from.id if a.inherited_from else None)
             for a in store.responsibilities("d/other", include_inherited=True)}  # fmt: skip
    assert other == {("p/project/b", None), ("p/project/b/1", "p/project/b")}


def test_responsible_for_is_the_inverse_of_responsibilities() -> None:
    store = _store()
    part_a = {(a.department.id, a.role, a.inherited_from.id if a.inherited_from else None)
              for a in store.responsible_for("p/project/a", include_inherited=True)}  # fmt: skip
    assert part_a == {("d/lead", Role.LEAD, "p/project"), ("d/support", Role.SUPPORT, "p/project")}
    part_b1 = {(a.department.id, a.inherited_from.id if a.inherited_from else None)
               for a in store.responsible_for("p/project/b/1", include_inherited=True)}  # fmt: skip
    assert part_b1 == {("d/other", "p/project/b")}
    assert store.responsible_for("p/project/a", include_inherited=False) == []


def test_unknown_ids_raise_entity_not_found() -> None:
    store = _store()
    with pytest.raises(EntityNotFound):
        store.impact("nope", 3)
    with pytest.raises(EntityNotFound):
        store.responsibilities("nope", True)
    assert store.get_many(["nope"]) == [None]


def test_reloading_a_plan_replaces_it() -> None:
    store = _store()
    doc = GraphDocument()
    doc.add_entity(Entity("p", K.PLAN, "新版", plan="p"))
    store.load(doc)
    assert store.get_many(["p", "p/project"]) == [Entity("p", K.PLAN, "新版", plan="p"), None]
    # Departments belong to no plan and stay.
    assert store.get_many(["d/lead"])[0] is not None
