// Runs the GraphQL-over-HTTP specification's audit suite (graphql-http's auditServer) against
// a running server and prints every result as one JSON array on standard output.
// Usage: node web/scripts/audit-graphql-http.mjs http://127.0.0.1:8000/graphql
import { auditServer } from "graphql-http";

const url = process.argv[2];
if (!url) {
  console.error("usage: audit-graphql-http.mjs URL");
  process.exit(2);
}
const results = await auditServer({ url });
const lines = await Promise.all(
  results.map(async (result) => ({
    id: result.id,
    name: result.name,
    status: result.status,
    reason: result.status === "ok" ? null : result.reason,
    response:
      result.status === "ok" ? null : `${result.response.status} ${result.response.headers.get("content-type")}`,
  })),
);
console.log(JSON.stringify(lines));
