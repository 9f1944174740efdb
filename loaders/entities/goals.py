"""The requirements of a plan: guiding thought, principles, goals and their quantitative
targets (indicators), wherever the plan states them — a goals part of the requirements chapter,
a chapter that is all goals, or a goal sentence before the first chapter."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from graph.model import Entity, EntityKind
from loaders.entities.indicators import deadline_before, extract_targets
from loaders.entities.plan_writer import (
    PlanWriter,
    Segment,
    block_number,
    lead_sentence,
    local_number,
    rest_of,
    text_of,
)
from loaders.entities.targets import read_targets
from loaders.profile import Profile
from loaders.reading.paragraphs import Paragraph
from loaders.structure.header import PlanHeader
from loaders.structure.outline import Block

__all__ = ["read_preface_goals", "read_requirements"]

#: A sub-goal: its anchor, name, label, text, and the year its stage says it is due (if any).
_Goal = tuple[Paragraph, str, str | None, list[Segment], int | None]


def read_requirements(writer: PlanWriter, chapter: Block, section: Entity, header: PlanHeader) -> None:
    """Guiding thought, principles and goals, each in its part; a chapter that is all goals
    (一、工作目标), or whose goals stand in its own text, is read as one goals part; a part named
    as tasks (重点工作, 主要任务) holds tasks."""
    profile = writer.profile
    parts = [profile.requirement_part(child.title) for child in chapter.children]
    if not any(parts) and profile.requirement_part(chapter.title) == "goals":
        # 一、行动目标（到2020年） （一）居民知晓率达85%以上。（二）……: its items are its goals.
        _goals(writer, chapter, section, header)
        return
    if "goals" not in parts and (
        profile.requirement_part(chapter.title) == "goals"
        or any(extract_targets(p.text, profile) for p in chapter.paragraphs)
    ):
        _goals(writer, replace(chapter, children=[]), section, header)
    for child, part in zip(chapter.children, parts, strict=True):
        own_text = text_of(child) if part not in ("principles", "goals") else rest_of(child)
        number = f"{local_number(section)}.{block_number(child)}"
        subsection = writer.add_block(EntityKind.SECTION, number, child, section, segments=own_text)
        if part == "principles":
            _principles(writer, child, subsection)
        elif part == "goals":
            _goals(writer, child, subsection, header)
        elif profile.title_kind(child.title) == "tasks":
            # 三、总体发展目标 （三）重点工作 1.强化协调，…… 2.……: the work the requirements list.
            for item in child.children:
                writer.add_block(EntityKind.TASK, f"{number}.{block_number(item)}", item, subsection)


def read_preface_goals(writer: PlanWriter, header: PlanHeader, plan: Entity) -> None:
    """A goal stated before the first chapter (到2025年，……达到……, or 到2020年，具体目标是：
    and a list of targets) is a goal of the plan, with its targets."""
    profile = writer.profile
    preface = header.preface
    for position, paragraph in enumerate(preface):
        if paragraph.bullet or deadline_before(paragraph.text, len(paragraph.text), profile) is None:
            continue
        bullets = list(itertools.takewhile(lambda p: p.bullet is not None, preface[position + 1 :]))
        if not bullets and not extract_targets(paragraph.text, profile):
            continue
        before_deadline = paragraph.text[: _deadline_at(paragraph.text, profile)]
        sentence = max((m.end() for m in re.finditer("。", before_deadline)), default=0)
        block = Block("section", paragraph, "", "", paragraphs=bullets)
        _goals(
            writer, block, plan, header, id_prefix=f"0.{paragraph.index}.", lead=Segment(paragraph, sentence)
        )


def _principles(writer: PlanWriter, block: Block, subsection: Entity) -> None:
    count = 0
    for paragraph in block.paragraphs:
        count += 1
        name, offset = lead_sentence(paragraph.text)
        writer.add(
            EntityKind.PRINCIPLE,
            str(count),
            name,
            parent=subsection,
            anchor=paragraph,
            segments=[Segment(paragraph, offset)],
            label=paragraph.bullet,
        )
    for item in block.children:
        count += 1
        writer.add_block(EntityKind.PRINCIPLE, str(count), item, subsection)


def _goals(
    writer: PlanWriter,
    block: Block,
    subsection: Entity,
    header: PlanHeader,
    id_prefix: str = "",
    lead: Segment | None = None,
) -> None:
    """The first plain paragraph is the overall goal; bullets (or numbered items) are its
    sub-goals; a plain paragraph after a sub-goal continues it. A sub-goal's targets inherit
    the overall goal's deadline (到2020年，具体目标是： ——新增国家标准400项)."""
    profile = writer.profile
    overall: tuple[Paragraph, list[Segment]] | None = None
    if block.rest and block.level != "chapter":
        overall = (block.paragraph, rest_of(block))
    elif lead is not None:  # a goal sentence inside a paragraph of the preface
        overall = (lead.paragraph, [lead])
    subgoals: list[_Goal] = []
    # 第一步，到2020年……  ——A  ——B  第二步，到2025年……  ——C: a plain paragraph with a deadline of
    # its own starts a stage, and the sub-goals after it are due when it says.
    stage: int | None = None
    for paragraph in block.paragraphs:
        if paragraph.bullet:
            name, offset = lead_sentence(paragraph.text)
            # A bullet of one sentence (——新增国家标准400项；) is its own text.
            offset = offset if offset < len(paragraph.text) else 0
            subgoals.append((paragraph, name, paragraph.bullet, [Segment(paragraph, offset)], stage))
            continue
        if subgoals:
            subgoals[-1][3].append(Segment(paragraph))
        elif overall is None:
            overall = (paragraph, [Segment(paragraph)])
        else:
            overall[1].append(Segment(paragraph))
        stage = deadline_before(paragraph.text, len(paragraph.text), profile) or stage
    # A numbered sub-goal's heading may be its target (（一）居民知晓率达85%以上。): its text starts there.
    subgoals += [(item.paragraph, item.title, item.label, _whole_text(item), None) for item in block.children]

    parent, prefix = subsection, id_prefix
    # 行动目标（到2020年）: the heading's year, else the plan's.
    default_deadline = deadline_before(block.title, len(block.title), profile) or header.target_year
    if overall is not None:
        anchor, segments = overall
        name = _goal_name(segments[0].text, profile)
        parent = writer.add(
            EntityKind.GOAL, f"{id_prefix}1", name, parent=subsection, anchor=anchor, segments=segments
        )
        prefix = f"{id_prefix}1."
        written = (deadline_before(s.text, len(s.text), profile) for s in reversed(segments))
        default_deadline = next((d for d in written if d), default_deadline)
        read_targets(writer, parent, segments, header, default_deadline)
    for number, (anchor, name, label, segments, due) in enumerate(subgoals, start=1):
        goal = writer.add(
            EntityKind.GOAL,
            f"{prefix}{number}",
            name,
            parent=parent,
            anchor=anchor,
            segments=segments,
            label=label,
        )
        read_targets(writer, goal, segments, header, due or default_deadline)


def _whole_text(item: Block) -> list[Segment]:
    """An item's heading sentence, what follows it and its paragraphs."""
    start = max(item.paragraph.text.find(item.title), 0)
    return [Segment(item.paragraph, start), *(Segment(p) for p in item.paragraphs)]


def _deadline_at(text: str, profile: Profile) -> int:
    match = re.search(profile.goals.deadline_year, text)
    return match.start() if match else len(text)


def _goal_name(text: str, profile: Profile) -> str:
    """The overall goal's name: its first clause after the time phrase."""
    sentence = lead_sentence(text)[0]
    sentence = re.sub(profile.goals.time_prefix, "", sentence)
    return re.split("[，,]", sentence, maxsplit=1)[0]
