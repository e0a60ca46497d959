// Plain fetch against a live server (GRAPHQL_URL), asking for GraphQL over HTTP's media type: an answer, and a
// document that fails validation. Prints one JSON line; tests/test_js_clients.py judges it.
const url = process.env.GRAPHQL_URL;

async function graphql(query, variables = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, contentType: response.headers.get("content-type"), body: await response.json() };
}

const answered = await graphql("query($slug: String!) { exercise(slug: $slug) { name } }", { slug: "push-up" });
const refused = await graphql("{ exercise(slug: \"push-up\") { colour } }");
console.log(JSON.stringify({ answered, refused }));
