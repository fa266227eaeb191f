import 'reflect-metadata';
import { bootstrapService, collectConfig, createRootLogger, loadBaseConfig, loadBlobStore, loadConfigOrExit } from '@sanshen/platform/core';
import { loadPortalConfig } from './config/portal.config.js';
import { PortalModule } from './portal.module.js';

const [base, portal, attachments] = loadConfigOrExit('portal', () =>
  collectConfig(
    () => loadBaseConfig(process.env, 3100, { internalRequests: false }),
    () => loadPortalConfig(process.env),
    () => loadBlobStore(process.env),
  ),
);
const logger = createRootLogger('portal', base.logLevel);

try {
  await bootstrapService(PortalModule.forRoot({ base, portal, logger, attachments }), { service: 'portal', config: base });
} catch (error) {
  logger.fatal({ err: error }, 'portal failed to start');
  process.exit(1);
}
