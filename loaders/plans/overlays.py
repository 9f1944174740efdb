"""Curated overlays: YAML files a person maintains beside the plans (data/overlays/).

An overlay is for one plan (`plan:`) and holds either or both of:

- `responsibilities:` for entities of the plan, the lead and supporting departments and a
  one-line rationale;
- `links:` links between the plan's parts that planners confirm, reject or add (an inferred
  link they confirm, or a link they add — DEPENDS_ON between tasks and projects among them —
  gets origin CURATED; a rejected link is removed, whatever its origin, and stays removed).

Every relation an overlay makes has origin CURATED and its rationale as evidence. An overlay is
checked before anything of it is applied: an unknown key, plan, entity, department or relation
type is an error naming the file and the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from graph.errors import PlanLoadError
from graph.model import Entity, GraphDocument, Origin, Relation, RelationType, Role
from graph.semantics import INFERRED_LINKS
from loaders.entities.department_resolver import DepartmentResolver
from loaders.profile import Profile
from loaders.registry import DepartmentRegistry

__all__ = ["DEFAULT_OVERLAYS", "LINE", "apply_overlays", "overlay_files", "plan_entity_id", "read_lined_yaml"]

DEFAULT_OVERLAYS = Path(__file__).resolve().parents[2] / "data" / "overlays"
#: The key under which every mapping read by `read_lined_yaml` records its line.
LINE = "__line__"


class _LineLoader(yaml.SafeLoader):
    """Records the line of every mapping, so errors can name it."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def overlay_files(paths: list[Path] | None) -> list[Path]:
    """Overlay files: the given files and the .yaml files in the given folders."""
    files: list[Path] = []
    for path in paths if paths is not None else [DEFAULT_OVERLAYS]:
        if path.is_dir():
            files.extend(sorted(path.glob("*.yaml")))
        elif path.is_file():
            files.append(path)
        elif paths is not None:
            raise PlanLoadError(str(path), "no such overlay file or folder")
    return files


def apply_overlays(
    files: list[Path], document: GraphDocument, profile: Profile, registry: DepartmentRegistry
) -> list[str]:
    """Apply the overlays that concern plans in the document; return the files skipped
    because their plan is not loaded."""
    skipped = []
    for path in files:
        overlay = read_lined_yaml(
            path, "an overlay is a mapping with `plan:` and `responsibilities:` or `links:`"
        )
        plan_id = overlay.get("plan")
        if not isinstance(plan_id, str):
            raise PlanLoadError(str(path), "an overlay needs `plan:` with the id of the plan it is for", 1)
        if plan_id not in document.entities:
            skipped.append(str(path))
            continue
        unknown = set(overlay) - {"plan", "responsibilities", "links", LINE}
        if unknown:
            raise PlanLoadError(
                str(path), f"unknown keys {sorted(unknown)}; expected plan, responsibilities and links", 1
            )
        relations = _responsibilities(
            path, overlay.get("responsibilities") or [], plan_id, document, profile, registry
        )
        links = _links(path, overlay.get("links") or [], plan_id, document)
        for department, relation in relations:
            document.add_entity(department)
            document.add_relation(relation)
        for action, relation in links:
            key = (relation.type, relation.source, relation.target)
            for existing in [r for r in document.relations.values() if (r.type, r.source, r.target) == key]:
                del document.relations[existing.key]
            if action != "reject":
                document.add_relation(relation)
    return skipped


def read_lined_yaml(path: Path, shape: str) -> dict[str, Any]:
    """A YAML mapping whose mappings each record their line under `LINE`; `shape` says what
    the file should be when it is not a mapping."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # a SafeLoader subclass
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanLoadError(str(path), f"cannot be read: {exc}") from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise PlanLoadError(str(path), f"is not valid YAML: {exc.problem}", line) from None
    if not isinstance(data, dict):
        raise PlanLoadError(str(path), shape, 1)
    return data


#: What planners may say of a link, and the relation types they may say it of.
LINK_ACTIONS = ("confirm", "reject", "add")
#: What a link overlay may confirm, add or reject: the inferred links, and dependencies.
LINK_TYPES = (*INFERRED_LINKS, RelationType.DEPENDS_ON)


def plan_entity_id(path: Path, local: object, plan_id: str, document: GraphDocument, line: int) -> str:
    """An id given relative to the plan (task/1.1) or whole; it must name an entity of the document."""
    entity_id = f"{plan_id}/{local}" if isinstance(local, str) and not local.startswith(plan_id) else local
    if not isinstance(entity_id, str) or entity_id not in document.entities:
        raise PlanLoadError(str(path), f"unknown entity {local!r} in plan {plan_id}", line)
    return entity_id


def _links(
    path: Path, entries: list[Any], plan_id: str, document: GraphDocument
) -> list[tuple[str, Relation]]:
    """Check every link entry first; only a wholly valid overlay changes the document."""
    links: list[tuple[str, Relation]] = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise PlanLoadError(str(path), "each link is a mapping with action, type, from, to, rationale")
        line = entry[LINE]
        unknown = set(entry) - {"action", "type", "from", "to", "rationale", LINE}
        if unknown:
            raise PlanLoadError(str(path), f"unknown keys {sorted(unknown)}", line)
        action = entry.get("action")
        if action not in LINK_ACTIONS:
            raise PlanLoadError(
                str(path), f"action must be one of {', '.join(LINK_ACTIONS)}, not {action!r}", line
            )
        names = [t.value for t in LINK_TYPES]
        if entry.get("type") not in names:
            raise PlanLoadError(
                str(path), f"type must be one of {', '.join(names)}, not {entry.get('type')!r}", line
            )
        source = plan_entity_id(path, entry.get("from"), plan_id, document, line)
        target = plan_entity_id(path, entry.get("to"), plan_id, document, line)
        rationale = entry.get("rationale")
        if not isinstance(rationale, str) or not rationale.strip():
            raise PlanLoadError(
                str(path), f"{entry.get('from')} → {entry.get('to')}: a rationale is required", line
            )
        relation = Relation(
            RelationType(entry["type"]), source, target, origin=Origin.CURATED, evidence=rationale.strip()
        )
        links.append((action, relation))
    return links


def _names(path: Path, entry: dict[str, Any], key: str) -> list[str]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PlanLoadError(str(path), f"`{key}` must be a list of department names", entry[LINE])
    return value


def _responsibilities(
    path: Path,
    entries: list[Any],
    plan_id: str,
    document: GraphDocument,
    profile: Profile,
    registry: DepartmentRegistry,
) -> list[tuple[Entity, Relation]]:
    """Check every entry first; only a wholly valid overlay yields relations."""
    plan = document.entities[plan_id]
    resolver = DepartmentResolver(profile, registry, plan.attrs.get("region"))
    relations: list[tuple[Entity, Relation]] = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise PlanLoadError(str(path), "each responsibility is a mapping with entity, lead, rationale")
        line = entry[LINE]
        unknown = set(entry) - {"entity", "lead", "support", "rationale", LINE}
        if unknown:
            raise PlanLoadError(str(path), f"unknown keys {sorted(unknown)}", line)
        local = entry.get("entity")
        entity_id = plan_entity_id(path, local, plan_id, document, line)
        rationale = entry.get("rationale")
        if not isinstance(rationale, str) or not rationale.strip():
            raise PlanLoadError(str(path), f"{local}: a rationale is required", line)
        leads, supports = _names(path, entry, "lead"), _names(path, entry, "support")
        if not leads and not supports:
            raise PlanLoadError(str(path), f"{local}: name a lead or a supporting department", line)
        for names, role in ((leads, Role.LEAD), (supports, Role.SUPPORT)):
            for name in names:
                department = resolver.resolve(name)
                if name in resolver.unresolved:
                    raise PlanLoadError(
                        str(path), f"unknown department {name!r}: not in the department registry", line
                    )
                relation = Relation(
                    RelationType.RESPONSIBLE_FOR,
                    department.id,
                    entity_id,
                    origin=Origin.CURATED,
                    role=role,
                    evidence=rationale.strip(),
                )
                relations.append((department, relation))
    return relations
