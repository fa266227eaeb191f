import 'reflect-metadata';
import { bootstrapService, createRootLogger, loadConfigOrExit } from '@sanshen/platform/core';
import { AuditModule } from './audit.module.js';
import { AUDIT_SERVICE, loadAuditConfig } from './config/audit.config.js';

const config = loadConfigOrExit(AUDIT_SERVICE, () => loadAuditConfig(process.env));
const logger = createRootLogger(AUDIT_SERVICE, config.logLevel);

bootstrapService(AuditModule.forRoot({ config, logger }), { service: AUDIT_SERVICE, config }).catch((error: unknown) => {
  logger.fatal({ err: error }, 'audit service failed to start');
  process.exitCode = 1;
  setImmediate(() => process.exit(1));
});
