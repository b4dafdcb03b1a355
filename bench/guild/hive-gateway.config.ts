/**
 * Hive Gateway with the settings of its published benchmark (graphql-hive/graphql-gateways-benchmark):
 * inbound in-flight request deduplication, together with `--jit` on the command line.
 */
export const gatewayConfig = { inboundInflightRequestDeduplication: true };
