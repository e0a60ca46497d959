"""Exercise knowledge-graph service: a GraphQL API over exercises, muscles, equipment and body parts."""

__version__ = "0.1.0"
