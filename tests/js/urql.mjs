// urql 6 against a live server (GRAPHQL_URL): graphcache normalising by the schema's ids, then the persisted
// exchange's automatic persisted queries. Prints one JSON line with what each request looked like and what came
// back; tests/test_js_clients.py judges it.
import { Client, fetchExchange, gql } from "@urql/core";
import { cacheExchange } from "@urql/exchange-graphcache";
import { persistedExchange } from "@urql/exchange-persisted";

const url = process.env.GRAPHQL_URL;
const seen = [];

// Records each request and its answer, then hands the answer to urql untouched.
async function recordingFetch(input, init = {}) {
  const response = await fetch(input, init);
  const body = await response.clone().text();
  const target = new URL(typeof input === "string" ? input : input.url);
  const sent = init.body ? JSON.parse(init.body) : Object.fromEntries(target.searchParams);
  seen.push({
    method: init.method ?? "GET",
    status: response.status,
    withDocument: Boolean(sent.query),
    hashed: String(sent.extensions ?? "").includes("sha256Hash") || Boolean(sent.extensions?.persistedQuery),
    codes: (JSON.parse(body).errors ?? []).map((e) => e.extensions?.code),
    contentType: response.headers.get("content-type"),
    cacheControl: response.headers.get("cache-control"),
  });
  return response;
}

const PAGE = gql`
  query Page {
    exercises(first: 5) {
      edges {
        node {
          id
          slug
          name
        }
      }
    }
  }
`;
const NODE = gql`
  query Node($id: ID!) {
    node(id: $id) {
      id
      ... on Exercise {
        slug
        name
      }
    }
  }
`;

// The ids are Relay global ids (base64 of "Type:slug"), so `node(id:)` can point at the cached entity.
const typeOf = (id) => Buffer.from(id, "base64").toString("utf8").split(":")[0];
const graphcache = cacheExchange({
  // Connections, edges and page info have no id of their own: they live inside the query that fetched them.
  keys: { ExerciseConnection: () => null, ExerciseEdge: () => null, PageInfo: () => null },
  resolvers: { Query: { node: (_, args) => ({ __typename: typeOf(args.id), id: args.id }) } },
  possibleTypes: { Node: ["BodyPart", "Equipment", "Exercise", "Kit", "MovementPattern", "Muscle"] },
});
const cached = new Client({ url, fetch: recordingFetch, exchanges: [graphcache, fetchExchange] });

const page = await cached.query(PAGE, {}).toPromise();
const listed = page.data.exercises.edges.map((e) => e.node);
const pageRequests = seen.splice(0);
const third = listed[2];
const fromCache = await cached.query(NODE, { id: third.id }).toPromise();
const nodeRequests = seen.splice(0);
// An exercise the page did not list is not in the cache: that one goes to the server.
const unlisted = await cached.query(NODE, { id: Buffer.from("Exercise:push-up").toString("base64") }).toPromise();
const unlistedRequests = seen.splice(0);

const EXERCISE = gql`
  query UrqlExercise($slug: String!) {
    exercise(slug: $slug) {
      id
      slug
      targets {
        id
        slug
      }
    }
  }
`;
const persistedClient = () =>
  new Client({
    url,
    fetch: recordingFetch,
    exchanges: [cacheExchange({}), persistedExchange({ preferGetForPersistedQueries: true }), fetchExchange],
  });
const first = await persistedClient().query(EXERCISE, { slug: "goblet-squat" }).toPromise();
const registration = seen.splice(0);
// A second app (a fresh cache): its hash-only request is answered at once.
const second = await persistedClient().query(EXERCISE, { slug: "goblet-squat" }).toPromise();
const known = seen.splice(0);

const answer = (result) => (result.error ? { error: result.error.message } : result.data);
console.log(
  JSON.stringify({
    listed,
    pageRequests,
    node: answer(fromCache),
    nodeOutcome: fromCache.operation.context.meta?.cacheOutcome ?? null,
    nodeRequests,
    unlisted: answer(unlisted),
    unlistedOutcome: unlisted.operation.context.meta?.cacheOutcome ?? null,
    unlistedRequests,
    first: answer(first),
    second: answer(second),
    registration,
    known,
  }),
);
