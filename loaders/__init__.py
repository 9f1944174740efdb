"""Loaders: plan files → `GraphDocument` (see `loaders.pipeline` for the stages)."""

from loaders.pipeline import SHIPPED_PLANS, LoadResult, load_plan, load_plans, plan_files, plan_id_for

__all__ = ["SHIPPED_PLANS", "LoadResult", "load_plan", "load_plans", "plan_files", "plan_id_for"]
