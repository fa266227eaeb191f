import 'reflect-metadata';
import { DomainError } from '@sanshen/contracts';
import { bootstrapService, createRootLogger, strictValidationPipe } from '@sanshen/platform';
import { registerMultipart } from './adapters/http/multipart.js';
import { registerCsvBody } from './adapters/http/csv-body.js';
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
    await registerMultipart(app);
    registerCsvBody(app);
    app.useGlobalPipes(
      strictValidationPipe((errors) => new DomainError('REQUEST.INVALID', { errors })),
    );
    setUpOpenApi(app);
    await registerOpsConsole(app);
  },
});
