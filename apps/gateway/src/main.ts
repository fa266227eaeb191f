import 'reflect-metadata';
import { bootstrapService, createRootLogger, loadBaseConfig, loadConfigOrExit } from '@sanshen/platform/core';
import { runCli } from './adapters/cli/sanshen-cli.js';
import { configureHttpEdge } from './adapters/http/http-edge.js';
import { registerOpsConsole } from './adapters/ops-console/ops-console.plugin.js';
import { registerStaffConsole } from './adapters/staff-console/staff-console.plugin.js';
import { loadGatewayConfig } from './config/gateway.config.js';
import { GATEWAY_SERVICE, GatewayModule } from './gateway.module.js';
import { setUpOpenApi } from './openapi.js';

async function serve(): Promise<void> {
  const config = loadConfigOrExit(GATEWAY_SERVICE, () => loadGatewayConfig(process.env));
  const logger = createRootLogger(GATEWAY_SERVICE, config.base.logLevel);
  await bootstrapService(GatewayModule.register(config, logger), {
    service: GATEWAY_SERVICE,
    config: config.base,
    configure: async (app) => {
      await configureHttpEdge(app);
      setUpOpenApi(app);
      await registerOpsConsole(app);
      await registerStaffConsole(app);
    },
  });
}

/** With arguments, the bundle is the operator's command line (agency:create …); without, the gateway. */
const args = process.argv.slice(2);
if (args.length > 0) {
  // The command line needs the database only: no JWT or internal secret.
  const base = loadConfigOrExit(`${GATEWAY_SERVICE}-cli`, () => loadBaseConfig(process.env, 3000, { internalRequests: false }));
  process.exit(await runCli(args, base, createRootLogger(`${GATEWAY_SERVICE}-cli`, 'warn')));
} else {
  await serve();
}
