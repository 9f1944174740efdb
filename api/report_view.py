"""The load report as the command line shows it (plangraph load, plangraph report)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from loaders.report import LoadReport

__all__ = ["print_report"]


def print_report(console: Console, report: LoadReport, detailed: bool = False) -> None:
    """Counts per kind and relation type, then what could not be read; `detailed` adds the
    targets read against the sentences that look like targets, and the guesses made."""
    console.print(
        f"\n[bold]{report.title}[/]  {report.path}  → plan id [bold]{report.plan_id}[/]", highlight=False
    )
    table = Table("entity kind", "count", "relation type", "count")
    kinds, relations = sorted(report.entities.items()), sorted(report.relations.items())
    for row in range(max(len(kinds), len(relations))):
        kind = kinds[row] if row < len(kinds) else ("", "")
        relation = relations[row] if row < len(relations) else ("", "")
        table.add_row(kind[0], str(kind[1]), relation[0], str(relation[1]))
    console.print(table)
    console.print(report.totals.describe(), highlight=False)
    if detailed:
        read = report.entities.get("INDICATOR", 0)
        console.print(
            f"targets: {read} read; {len(report.unread_targets)} sentence(s) that look like targets not read",
            highlight=False,
        )
        for unread in report.unread_targets:
            console.print(f"  line {unread.line}: {unread.text}", highlight=False)
        console.print(
            f"brackets assigning work whose bodies could not all be resolved: {len(report.unresolved_brackets)}",
            highlight=False,
        )
        for bracket in report.unresolved_brackets:
            console.print(f"  line {bracket.line}: {bracket.text}", highlight=False)
        for warning in report.warnings:
            console.print(f"[yellow]warning:[/] {warning}", highlight=False)
    if report.unplaced:
        console.print(f"[yellow]{len(report.unplaced)} paragraph(s) could not be placed:[/]")
        for paragraph in report.unplaced:
            console.print(f"  line {paragraph.line}: {paragraph.text}", highlight=False)
    else:
        console.print("every paragraph was placed")
    for note in report.notes:
        console.print(f"  note, line {note.line}: {note.message}", highlight=False)
    if report.unresolved_departments:
        console.print(
            "  not in the department registry: " + "、".join(report.unresolved_departments), highlight=False
        )
