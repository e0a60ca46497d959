"""Loading the bundled knowledge base: validate the whole seed folder, then write it in batches."""

from graph_service.seeding.loader import SeedBundle, load_seed
from graph_service.seeding.writer import GraphCounts, clear_graph, graph_counts, total_rows, write_seed

__all__ = ["GraphCounts", "SeedBundle", "clear_graph", "graph_counts", "load_seed", "total_rows", "write_seed"]
