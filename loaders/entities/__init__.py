"""The structure → entities and relations: chapters read by kind, targets, bodies given work,
standards and cited documents."""
