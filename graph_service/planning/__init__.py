"""Training plans over the graph as pure functions: what a plan trains, a session picked to order, swaps.

Nothing here reads the store or knows GraphQL: graph_service.reads.plan_facts reads the facts these functions
take, and graph_service.api.plans turns their answers into GraphQL types.
"""
