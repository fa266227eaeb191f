/**
 * @sanshen/platform/rpc — NATS request-reply between services: RpcModule (the connection, its
 * readiness, ServiceClient, and for a service that answers, the namespaced server behind
 * RpcSignatureGuard), `@RpcPattern` and `requireActor` for handlers, request signing.
 */
export { RpcModule } from './rpc.module.js';
export type { RpcOptions } from './rpc.module.js';
export { NATS_CONNECTION, connectNats } from './nats.js';
export { RpcPattern, RpcSignatureGuard, ServiceClient, SERVICE_CLIENT_TIMEOUT_MS, requireActor, rpcClientDuration } from './rpc.js';
export { NamespacedNatsServer } from './rpc-server.js';
export { signRpcRequest, hasValidRpcSignature, RPC_SIGNATURE_MAX_AGE_MS } from './request-signing.js';
