"""The graph model's enums, registered with GraphQL under their own names (before any type or input uses them)."""

import strawberry

from graph_service.model import Category, Difficulty, Force, Mechanic

strawberry.enum(Difficulty, description="How much experience an exercise asks for.")
strawberry.enum(Category, description="The kind of training.")
strawberry.enum(Force, description="Whether the working muscles push, pull or hold.")
strawberry.enum(Mechanic, description="Compound (several joints) or isolation (one joint).")

__all__ = ["Category", "Difficulty", "Force", "Mechanic"]
