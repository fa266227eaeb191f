import 'reflect-metadata';
import { bootstrapService, collectConfig, createRootLogger, loadBaseConfig, loadConfigOrExit } from '@sanshen/platform/core';
import { AuditModule } from './audit.module.js';
import { AUDIT_DEFAULT_PORT, AUDIT_SERVICE, loadAuditConfig } from './config/audit.config.js';

const [config, audit] = loadConfigOrExit(AUDIT_SERVICE, () =>
  collectConfig(
    () => loadBaseConfig(process.env, AUDIT_DEFAULT_PORT),
    () => loadAuditConfig(process.env),
  ),
);
const logger = createRootLogger(AUDIT_SERVICE, config.logLevel);

bootstrapService(AuditModule.forRoot({ config, logger, audit }), { service: AUDIT_SERVICE, config }).catch((error: unknown) => {
  logger.fatal({ err: error }, 'audit service failed to start');
  process.exitCode = 1;
  setImmediate(() => process.exit(1));
});
