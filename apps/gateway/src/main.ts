import 'reflect-metadata';
import { bootstrapService, createRootLogger } from '@sanshen/platform';
import { configureHttpEdge } from './adapters/http/http-edge.js';
import { registerOpsConsole } from './adapters/ops-console/ops-console.plugin.js';
import { loadGatewayConfig } from './config/gateway.config.js';
import { GATEWAY_SERVICE, GatewayModule } from './gateway.module.js';
import { setUpOpenApi } from './openapi.js';

const config = loadGatewayConfig(process.env);
const logger = createRootLogger(GATEWAY_SERVICE, config.base.logLevel);
await bootstrapService(GatewayModule.register(config, logger), {
  service: GATEWAY_SERVICE,
  config: config.base,
  rpc: false,
  configure: async (app) => {
    await configureHttpEdge(app);
    setUpOpenApi(app);
    await registerOpsConsole(app);
  },
});
