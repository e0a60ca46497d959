"""The GraphQL layer: types, resolvers and per-request loaders over the store."""
