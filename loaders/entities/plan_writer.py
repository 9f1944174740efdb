"""The one place a plan's entities and relations are written: ids, spans, PART_OF links, and
which paragraphs are placed. The readers of each part of a plan (chapters, goals, the passes
over the built text) all write through a `PlanWriter`."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from graph.model import Entity, EntityKind, GraphDocument, Relation, RelationType, SourceSpan
from loaders.numerals import chinese_number
from loaders.profile import Profile
from loaders.reading.paragraphs import Paragraph
from loaders.registry import DepartmentRegistry
from loaders.report import LoadReport, Note
from loaders.structure.outline import Block

__all__ = ["PlanWriter", "Segment", "block_number", "lead_sentence", "local_number", "rest_of", "text_of"]

_SENTENCE_END = re.compile("[。；：]")


@dataclass(frozen=True, slots=True)
class Segment:
    """Part of a paragraph that belongs to an entity's text: paragraph.text[offset:end]."""

    paragraph: Paragraph
    offset: int = 0
    end: int | None = None

    @property
    def text(self) -> str:
        return self.paragraph.text[self.offset : self.end]


class PlanWriter:
    """One plan's graph as it is being written, with its load report."""

    def __init__(self, plan_id: str, path: str, profile: Profile, registry: DepartmentRegistry) -> None:
        self.plan_id = plan_id
        self.path = path
        self.profile = profile
        self.registry = registry
        self.document = GraphDocument()
        self.report = LoadReport(path=path, plan_id=plan_id)
        #: Each entity's text, as the segments of paragraphs it was read from.
        self.segments: dict[str, list[Segment]] = {}
        #: Indexes of the paragraphs some entity was read from.
        self.placed: set[int] = set()
        #: The heading sentence of each entity read from a heading: no part of its text, but where a
        #: target (（一）新建绿地35万平方米) or the body that acts (（七）各行业主管部门要……) may be stated.
        self.headings: dict[str, Segment] = {}
        self._indicators = 0

    def add(
        self,
        kind: EntityKind,
        local_id: str,
        name: str,
        *,
        parent: Entity | None,
        anchor: Paragraph,
        segments: list[Segment] | None = None,
        label: str | None = None,
        attrs: dict[str, object] | None = None,
    ) -> Entity:
        """Add an entity (and its PART_OF link to parent) spanning anchor … its last segment.
        A duplicate number in the text (two “3.” items) gets a suffix, never a clash."""
        segments = [s for s in segments or [] if s.text]
        base = self.plan_id if kind is EntityKind.PLAN else f"{self.plan_id}/{kind.value.lower()}/{local_id}"
        entity_id, suffix = base, 1
        while entity_id in self.document.entities:
            suffix += 1
            entity_id = f"{base}-{suffix}"
        if suffix > 1:
            self.report.notes.append(
                Note(anchor.line, f"the number {label or local_id} repeats: this one is {entity_id}")
            )
        last = segments[-1].paragraph if segments else anchor
        span = SourceSpan(self.plan_id, anchor.start, last.end, anchor.line)
        entity = Entity(
            id=entity_id,
            kind=kind,
            name=name,
            plan=self.plan_id,
            label=label,
            text="\n".join(s.text for s in segments) or None,
            parent=parent.id if parent else None,
            source=span,
            attrs=attrs or {},
        )
        self.document.add_entity(entity)
        self.segments[entity_id] = segments
        self.placed.add(anchor.index)
        self.placed.update(s.paragraph.index for s in segments)
        if parent is not None and kind is not EntityKind.INDICATOR:
            self.relate(RelationType.PART_OF, entity, parent, span)
        return entity

    def add_block(
        self,
        kind: EntityKind,
        local_id: str,
        block: Block,
        parent: Entity,
        segments: list[Segment] | None = None,
        attrs: dict[str, object] | None = None,
    ) -> Entity:
        """An entity read from a numbered heading: its title, label and (by default) its text."""
        entity = self.add(
            kind,
            local_id,
            block.title,
            parent=parent,
            anchor=block.paragraph,
            segments=text_of(block) if segments is None else segments,
            label=block.label,
            attrs=attrs,
        )
        at = block.paragraph.text.find(block.title)
        if at >= 0:
            self.headings[entity.id] = Segment(block.paragraph, at, at + len(block.title))
        return entity

    def next_indicator_id(self) -> str:
        self._indicators += 1
        return f"{self.plan_id}/indicator/{self._indicators}"

    def relate(
        self, rel_type: RelationType, source: Entity, target: Entity, span: SourceSpan, **fields: object
    ) -> None:
        self.document.add_relation(Relation(rel_type, source.id, target.id, span=span, **fields))

    def span_in(self, segment: Segment, start: int, end: int) -> SourceSpan:
        base = segment.paragraph.start + segment.offset
        return SourceSpan(self.plan_id, base + start, base + end, segment.paragraph.line)

    def texts(self, kinds: set[EntityKind]) -> list[tuple[Entity, Segment]]:
        """The text segments of every entity of these kinds, in the order they were written."""
        return [
            (self.document.entities[entity_id], segment)
            for entity_id, segments in self.segments.items()
            if self.document.entities[entity_id].kind in kinds
            for segment in segments
        ]


def rest_of(block: Block) -> list[Segment]:
    return [Segment(block.paragraph, block.rest_offset, block.rest_end)] if block.rest else []


def text_of(block: Block) -> list[Segment]:
    """A heading's own text: what follows the heading sentence, then its body paragraphs."""
    return rest_of(block) + [Segment(p) for p in block.paragraphs]


def block_number(block: Block) -> int:
    """The number written in a heading's label."""
    return number_in_label(block.label)


def number_in_label(label: str) -> int:
    """The number written in a label: （三） → 3, 10. → 10, 5.1.2 → 2, 专栏七 → 7, ⑷ → 4, ⑫ → 12."""
    digits = re.findall(r"\d+", label)
    if digits:
        return int(digits[-1])
    circled = [c for c in label if "\u2460" <= c <= "\u249b"]
    if circled:
        return int(unicodedata.numeric(circled[0]))
    numeral = re.search("[零一二两三四五六七八九十百]+", label)
    value = chinese_number(numeral.group()) if numeral else None
    return int(value) if value is not None else 0


def local_number(entity: Entity) -> str:
    """The written number an entity's id ends with: …/section/2.3 → 2.3."""
    return entity.id.rsplit("/", 1)[1]


def lead_sentence(text: str) -> tuple[str, int]:
    """“坚持改革引路。坚持……” → (“坚持改革引路”, offset of the rest)."""
    match = _SENTENCE_END.search(text)
    if match is None or match.start() == 0:
        return text, len(text)
    return text[: match.start()], match.end()
