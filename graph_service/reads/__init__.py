"""Reads: one module per area, plain async functions over the store returning typed rows, and the pure plan
choices (`plans`). Nothing here knows GraphQL; graph_service.api calls these, never the reverse."""
