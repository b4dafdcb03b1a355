import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { type DocumentNode, execute, type GraphQLSchema, parse, validate } from "graphql";
import { IN_STOCK, PRODUCTS, REVIEWS, type ReviewRow, USERS } from "./data.ts";

/**
 * The four subgraphs of The Guild's gateway benchmark, on @apollo/subgraph (Federation 2).
 * Behaviour as in the original: a review's author is always user 1 ("urigo", provided by
 * reviews), a user's reviews are the first two reviews, a product's reviews are those with its upc.
 */
const FED = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides"])`;

type Rep = Record<string, unknown>;
const byUpc = (upc: unknown) => PRODUCTS.find((p) => p.upc === upc);
const firstTwoReviews = () => REVIEWS.slice(0, 2);

export const guildSubgraphs: { name: string; typeDefs: string; resolvers: GraphQLResolverMap<unknown> }[] = [
  {
    name: "accounts",
    typeDefs: `${FED}
      type Query { me: User user(id: ID!): User users: [User] }
      type User @key(fields: "id") { id: ID! name: String username: String @shareable birthday: Int }`,
    resolvers: {
      Query: {
        me: () => USERS[0],
        user: (_: unknown, { id }: { id: string }) => USERS.find((u) => u.id === id) ?? null,
        users: () => USERS,
      },
      User: { __resolveReference: (ref: Rep) => USERS.find((u) => u.id === ref.id) ?? null },
    },
  },
  {
    name: "inventory",
    typeDefs: `${FED}
      type Product @key(fields: "upc") {
        upc: String! weight: Int @external price: Int @external inStock: Boolean
        shippingEstimate: Int @requires(fields: "price weight")
      }`,
    resolvers: {
      Product: {
        __resolveReference: (ref: Rep) => ({ ...ref, inStock: IN_STOCK[String(ref.upc)] ?? null }),
        shippingEstimate: (p: { price?: number | null; weight?: number | null }) => {
          if (p.price == null) return null;
          if (p.price > 1000) return 0;
          return p.weight == null ? null : Math.trunc(p.weight / 2);
        },
      },
    },
  },
  {
    name: "products",
    typeDefs: `${FED}
      type Query { topProducts(first: Int = 5): [Product] }
      type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`,
    resolvers: {
      Query: { topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, first) },
      Product: { __resolveReference: (ref: Rep) => byUpc(ref.upc) ?? null },
    },
  },
  {
    name: "reviews",
    typeDefs: `${FED}
      type Review @key(fields: "id") { id: ID! body: String product: Product author: User @provides(fields: "username") }
      type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
      type Product @key(fields: "upc") { upc: String! reviews: [Review] }`,
    resolvers: {
      Review: {
        __resolveReference: (ref: Rep) => REVIEWS.find((r) => r.id === ref.id) ?? null,
        product: (r: ReviewRow) => ({ upc: r.productUpc }),
        author: () => ({ id: "1", username: "urigo" }),
      },
      User: {
        __resolveReference: (ref: Rep) => ({ id: ref.id, username: "user" }),
        reviews: firstTwoReviews,
      },
      Product: {
        __resolveReference: (ref: Rep) => ({ upc: ref.upc }),
        reviews: (p: { upc: string }) => REVIEWS.filter((r) => r.productUpc === p.upc),
      },
    },
  },
];

/**
 * A small HTTP shell per subgraph: POST /graphql, documents parsed and validated once, executed
 * with graphql-js. The data never changes, so an answer is kept by the exact request body and
 * served again (as the Guild's newer benchmark does): the subgraphs share a core with the load
 * generator and must not be what limits a gateway. The gateway still makes every fetch.
 */
function serve(schema: GraphQLSchema): Server {
  const documents = new Map<string, DocumentNode>();
  const answers = new Map<string, string>();
  const documentOf = (query: string): DocumentNode => {
    let doc = documents.get(query);
    if (!doc) {
      doc = parse(query);
      const errors = validate(schema, doc);
      if (errors.length) throw new Error(errors.map((e) => e.message).join("; "));
      if (documents.size > 1000) documents.clear();
      documents.set(query, doc);
    }
    return doc;
  };
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const request = Buffer.concat(chunks).toString("utf8");
      let body = answers.get(request);
      if (body === undefined) {
        try {
          const { query, variables, operationName } = JSON.parse(request);
          const result = await execute({
            schema,
            document: documentOf(query),
            variableValues: variables,
            operationName,
          });
          body = JSON.stringify(result);
          if (!result.errors && answers.size < 10_000) answers.set(request, body);
        } catch (error) {
          body = JSON.stringify({ errors: [{ message: (error as Error).message }] });
        }
      }
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
  });
}

/** Starts the four subgraphs on free ports (or `ports`) of 127.0.0.1; name -> /graphql URL. */
export async function startGuildSubgraphs(ports: Record<string, number> = {}) {
  const servers: Server[] = [];
  const urls: Record<string, string> = {};
  for (const sg of guildSubgraphs) {
    const server = serve(buildSubgraphSchema({ typeDefs: parse(sg.typeDefs), resolvers: sg.resolvers }));
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(ports[sg.name] ?? 0, "127.0.0.1", resolve));
    servers.push(server);
    urls[sg.name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  return {
    urls,
    stop: () =>
      Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))).then(() => undefined),
  };
}
