import type { AnyVariables, Client, OperationResult, TypedDocumentNode } from "@urql/core";

/** The gateway no longer accepts the session's token (revoked, expired beyond refresh). */
export class UnauthenticatedError extends Error {
  constructor() {
    super("gateway: unauthenticated");
    this.name = "UnauthenticatedError";
  }
}

/** The gateway refused the operation to this user (a right or role is missing). */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}

function unwrap<D>(result: OperationResult<D>, name: string): D {
  const { error, data } = result;
  if (error) {
    const unauthenticated =
      error.response?.status === 401 || error.graphQLErrors.some((e) => e.extensions?.code === "UNAUTHENTICATED");
    if (unauthenticated) throw new UnauthenticatedError();
    const forbidden = error.graphQLErrors.find((e) => e.extensions?.code === "FORBIDDEN");
    if (forbidden) throw new ForbiddenError(forbidden.message);
    throw new Error(`gateway: ${name} failed: ${error.message}`);
  }
  if (!data) throw new Error(`gateway: ${name} returned no data`);
  return data;
}

const nameOf = (doc: TypedDocumentNode<unknown, never>) => {
  const def = doc.definitions[0];
  return def && "name" in def && def.name ? def.name.value : "operation";
};

export async function query<D, V extends AnyVariables>(
  client: Client,
  doc: TypedDocumentNode<D, V>,
  variables: V,
): Promise<D> {
  return unwrap(await client.query(doc, variables).toPromise(), nameOf(doc as TypedDocumentNode<unknown, never>));
}

export async function mutate<D, V extends AnyVariables>(
  client: Client,
  doc: TypedDocumentNode<D, V>,
  variables: V,
): Promise<D> {
  return unwrap(await client.mutation(doc, variables).toPromise(), nameOf(doc as TypedDocumentNode<unknown, never>));
}
