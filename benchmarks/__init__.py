"""Benchmarks: the service measured beside the raw driver and a generated GraphQL layer, on the same Neo4j."""
