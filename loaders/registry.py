"""The department registries (data/registries/, one file per jurisdiction: national.yaml,
hubei.yaml …): full names, short names, categories, mandates and reorganisations, and the
resolution of a name as a plan writes it.

Short names beginning with 省/市/县 (省质监局) are relative to a region: they resolve only in
plans of that region, so the same registry can hold several provinces.
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

from graph.errors import PlanLoadError
from graph.model import (
    DepartmentFields,
    Entity,
    EntityKind,
    GraphDocument,
    Origin,
    Relation,
    RelationType,
    attrs_of,
    field_names,
)

__all__ = ["DEFAULT_REGISTRY", "DepartmentRegistry", "RegisteredDepartment", "department_id", "load_registry"]

DEFAULT_REGISTRY = Path(__file__).resolve().parent.parent / "data" / "registries"
_RELATIVE = ("省", "市", "县")
#: What a registered department shows of itself as an entity: its kind's fields it has.
_FIELDS = set(field_names(EntityKind.DEPARTMENT)) - {"registered"}


def department_id(name: str) -> str:
    return f"department/{name}"


class RegisteredDepartment(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    aliases: list[str] = []
    category: str
    level: str | None = None
    region: str | None = None
    mandate: list[str] = []
    since: int | None = None
    until: int | None = None
    successor: str | None = None

    def exists_in(self, year: int | None) -> bool:
        if year is None:
            return True
        return (self.since is None or self.since <= year) and (self.until is None or year < self.until)

    def entity(self) -> Entity:
        return Entity(
            id=department_id(self.name),
            kind=EntityKind.DEPARTMENT,
            name=self.name,
            attrs=attrs_of(DepartmentFields(**self.model_dump(include=_FIELDS), registered=True)),
        )


class DepartmentRegistry(BaseModel):
    """The registry as validated data: every successor is registered, and no name means two
    departments in the same region."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    departments: list[RegisteredDepartment]

    @model_validator(mode="after")
    def _check(self) -> DepartmentRegistry:
        names = {d.name for d in self.departments}
        for department in self.departments:
            if department.successor and department.successor not in names:
                raise ValueError(f"{department.name}: successor {department.successor!r} is not registered")
        seen: dict[tuple[str | None, str], str] = {}
        for department in self.departments:
            for name in [department.name, *department.aliases]:
                key = (department.region if name.startswith(_RELATIVE) else None, name)
                if seen.setdefault(key, department.name) != department.name:
                    raise ValueError(f"{name!r} names both {seen[key]} and {department.name}")
        return self

    @cached_property
    def _by_name(self) -> dict[tuple[str | None, str], RegisteredDepartment]:
        table: dict[tuple[str | None, str], RegisteredDepartment] = {}
        for department in self.departments:
            for name in [department.name, *department.aliases]:
                table[(department.region if name.startswith(_RELATIVE) else None, name)] = department
        return table

    def resolve(self, name: str, region: str | None) -> RegisteredDepartment | None:
        """The department a plan of `region` means by `name`.

        >>> registry = load_registry()
        >>> registry.resolve("省质监局", "湖北省").name
        '湖北省质量技术监督局'
        >>> registry.resolve("省质监局", "安徽省") is None
        True
        """
        return self._by_name.get((None, name)) or self._by_name.get((region, name))

    @cached_property
    def names(self) -> list[str]:
        """Every full name and short name, longest first: for finding them in text."""
        return sorted({name for _, name in self._by_name}, key=len, reverse=True)

    def candidates(self, region: str | None, year: int | None) -> list[RegisteredDepartment]:
        """Departments that could lead work in a plan of this region issued in this year:
        the region's own, or the central ones for a plan with no region."""
        return [
            d
            for d in self.departments
            if d.exists_in(year) and d.mandate and (d.region == region if region else d.level == "NATIONAL")
        ]

    def add_reorganisations(self, document: GraphDocument) -> None:
        """For each registered department the document names, the departments that took over
        its remit (SUCCEEDED_BY, followed to the last): a registry body enters a graph only
        when a plan or an overlay names it, or a body it names was reorganised into it."""
        by_name = {d.name: d for d in self.departments}
        named = [by_name[e.name] for e in document.entities_of(EntityKind.DEPARTMENT) if e.name in by_name]
        seen: set[str] = set()
        while named:
            department = named.pop()
            if department.name in seen or not department.successor:
                continue
            seen.add(department.name)
            successor = by_name[department.successor]
            document.add_entity(successor.entity())
            document.add_relation(
                Relation(
                    RelationType.SUCCEEDED_BY,
                    department_id(department.name),
                    department_id(successor.name),
                    origin=Origin.CURATED,
                    evidence=f"{department.name}的职责于{department.until}年划入{successor.name}"
                    if department.until
                    else None,
                )
            )
            named.append(successor)


@lru_cache(maxsize=4)
def load_registry(path: Path = DEFAULT_REGISTRY) -> DepartmentRegistry:
    """A registry file, or a folder of them (one per jurisdiction) read as one registry."""
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    departments: list[object] = []
    for file in files:
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
            departments += data.get("departments") or []
        except (OSError, yaml.YAMLError, AttributeError) as exc:
            raise PlanLoadError(str(file), f"the department registry cannot be used: {exc}") from None
    try:
        return DepartmentRegistry.model_validate({"departments": departments})
    except ValueError as exc:
        raise PlanLoadError(str(path), f"the department registry cannot be used: {exc}") from None
