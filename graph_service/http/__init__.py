"""What frontends meet over HTTP: GraphiQL, CORS, compression, caching, batches and persisted documents."""
