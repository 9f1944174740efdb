"""A body's name as a plan writes it → one department entity: the registry first, then the
genre's generic bodies, else a body of the plan's region named as written (省质监局 in a Liaoning
plan → 辽宁省质量技术监督局), listed as unresolved for the load report."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.model import DepartmentFields, Entity, EntityKind, attrs_of
from loaders.profile import Profile
from loaders.registry import DepartmentRegistry, department_id
from loaders.structure.regions import qualify

__all__ = ["DepartmentResolver"]


@dataclass(slots=True)
class DepartmentResolver:
    """Names as a plan of `region` writes them → department entities: the registry first,
    then the genre's generic bodies, else a new department named as written (listed in
    `unresolved`, so the load report can show it)."""

    profile: Profile
    registry: DepartmentRegistry
    region: str | None
    unresolved: set[str] = field(default_factory=set)

    def resolve(self, name: str) -> Entity:
        registered = self.registry.resolve(name, self.region)
        if registered is not None:
            return registered.entity()
        canonical = self.profile.body_by_name.get(name)
        if canonical is not None:
            body = self.profile.departments.bodies[canonical]
            return Entity(
                department_id(canonical),
                EntityKind.DEPARTMENT,
                canonical,
                attrs=attrs_of(DepartmentFields(category=body.category, aliases=body.aliases)),
            )
        if any(re.fullmatch(p, name) for p in self.profile.departments.generic_patterns):
            generic = attrs_of(DepartmentFields(category="GOVERNMENT"))
            return Entity(department_id(name), EntityKind.DEPARTMENT, name, attrs=generic)
        self.unresolved.add(name)
        qualified = qualify(self._expanded(name), self.region, self.profile)
        # 省质监局 in a Liaoning plan: a body of that region, found by the name the plan uses.
        relative = qualified != name
        fields = DepartmentFields(
            category=self.category_of(name),
            aliases=[name] if relative else [],
            region=self.region if relative else None,
            registered=False,
        )
        return Entity(department_id(qualified), EntityKind.DEPARTMENT, qualified, attrs=attrs_of(fields))

    def category_of(self, name: str) -> str:
        """A leading group, a mass organisation or a role the plan names (运营单位), by how the
        name ends; else a government body if it ends like one, else OTHER."""
        rules = self.profile.departments
        for kind, endings in rules.body_kinds.items():
            if name.endswith(tuple(endings)):
                return kind
        return "GOVERNMENT" if name.endswith(tuple(rules.government_suffixes)) else "OTHER"

    def _expanded(self, name: str) -> str:
        """省质监局 → 省质量技术监督局: the usual short forms written out (for a relative name, whose
        full form is made here rather than found in a registry)."""
        if name[:1] not in self.profile.regions.relative_prefixes:
            return name
        for short, full in sorted(self.profile.departments.abbreviations.items(), key=lambda i: -len(i[0])):
            if name.endswith(short):
                return name[: -len(short)] + full
        return name
