// The exercise graph served by @neo4j/graphql 7 on Apollo Server: the generated-layer reference point of the
// benchmarks. Same Neo4j, same graph, same Cypher for the custom fields (typeDefs.graphql).
//
//   NEO4J_URI=bolt://127.0.0.1:7687 PORT=4100 node server.mjs
//
// NEO4J_USER / NEO4J_PASSWORD are optional (no authentication when unset). Listens on 127.0.0.1 only,
// answers POST /graphql, prints `PEER_READY port=<port>` once listening and exits 0 on SIGTERM or SIGINT.

import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const uri = process.env.NEO4J_URI;
if (!uri) {
  console.error("NEO4J_URI is required (bolt://host:port)");
  process.exit(2);
}
const port = Number.parseInt(process.env.PORT ?? "4100", 10);
const auth = process.env.NEO4J_USER
  ? neo4j.auth.basic(process.env.NEO4J_USER, process.env.NEO4J_PASSWORD ?? "")
  : neo4j.auth.none();

const driver = neo4j.driver(uri, auth);
const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();

const server = new ApolloServer({
  schema,
  includeStacktraceInErrorResponses: false,
  stopOnTerminationSignals: false,
});
const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port } });
console.log(`PEER_READY port=${new URL(url).port}`);

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  try {
    await server.stop();
    await driver.close();
    process.exit(0);
  } catch (error) {
    console.error(`error while stopping on ${signal}:`, error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
