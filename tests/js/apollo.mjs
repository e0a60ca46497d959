// Apollo Client 4 against a live server (GRAPHQL_URL): the persisted-queries link over GET, then the batch link.
// Prints one JSON line with what each request looked like and what came back; tests/test_js_clients.py judges it.
import { createHash } from "node:crypto";

import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { BatchHttpLink } from "@apollo/client/link/batch-http";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";

const url = process.env.GRAPHQL_URL;
const seen = [];

// Records each request and its answer, then hands the answer to Apollo untouched.
async function recordingFetch(input, init = {}) {
  const response = await fetch(input, init);
  const body = await response.clone().text();
  const target = new URL(typeof input === "string" ? input : input.url);
  const sent = init.body ? JSON.parse(init.body) : Object.fromEntries(target.searchParams);
  const operations = Array.isArray(sent) ? sent : [sent];
  seen.push({
    method: init.method ?? "GET",
    status: response.status,
    batch: Array.isArray(sent) ? sent.length : 0,
    withDocument: operations.map((op) => Boolean(op.query)),
    codes: [].concat(JSON.parse(body)).flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code)),
    cacheControl: response.headers.get("cache-control"),
  });
  return response;
}

const sha256 = (text) => createHash("sha256").update(text).digest("hex");
const EXERCISE = gql`
  query Exercise($slug: String!) {
    exercise(slug: $slug) {
      slug
      name
      targets {
        slug
      }
    }
  }
`;

function persistedClient() {
  const http = new HttpLink({ uri: url, fetch: recordingFetch });
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: new PersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(http),
  });
}

const first = await persistedClient().query({ query: EXERCISE, variables: { slug: "goblet-squat" } });
const registration = seen.splice(0);
// A second app (a fresh cache): its hash-only request is answered at once.
const second = await persistedClient().query({ query: EXERCISE, variables: { slug: "goblet-squat" } });
const known = seen.splice(0);

const batched = new ApolloClient({
  cache: new InMemoryCache(),
  link: new BatchHttpLink({ uri: url, fetch: recordingFetch, batchMax: 10, batchInterval: 20 }),
});
const slugs = ["barbell-hip-thrust", "push-up", "side-plank"];
const answers = await Promise.all(slugs.map((slug) => batched.query({ query: EXERCISE, variables: { slug } })));
const batch = seen.splice(0);

// The normalised cache with no typePolicies: every entity is keyed by its type and id.
const PAGE = gql`
  query Page {
    exercises(first: 3) {
      edges {
        node {
          id
          slug
        }
      }
    }
  }
`;
const page = await batched.query({ query: PAGE });
const pageIds = page.data.exercises.edges.map((e) => e.node.id);
const pageSlugs = page.data.exercises.edges.map((e) => e.node.slug);
const cacheKeys = Object.keys(batched.cache.extract()).filter((key) => key.startsWith("Exercise:"));
const fromCache = batched.cache.readFragment({
  id: batched.cache.identify({ __typename: "Exercise", id: pageIds[1] }),
  fragment: gql`
    fragment Slug on Exercise {
      slug
    }
  `,
});

console.log(
  JSON.stringify({
    first: first.data.exercise,
    second: second.data.exercise,
    registration,
    known,
    batched: answers.map((a) => a.data.exercise.slug),
    batch,
    pageIds,
    pageSlugs,
    cacheKeys,
    fromCache,
  }),
);
