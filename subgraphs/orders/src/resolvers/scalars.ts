import { GraphQLScalarType, Kind } from "graphql";

const check = (v: unknown) => {
  if (typeof v !== "number" || !Number.isSafeInteger(v)) throw new TypeError("MinorUnits must be a safe integer");
  return v;
};

export const MinorUnits = new GraphQLScalarType({
  name: "MinorUnits",
  description: "An amount in minor units (kopecks) as a JSON number (safe integer).",
  serialize: check,
  parseValue: check,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw new TypeError("MinorUnits must be an integer");
    return check(Number(ast.value));
  },
});
