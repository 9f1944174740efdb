"""Many plans → one graph: cited plans resolved, overlays applied, leads inferred."""
