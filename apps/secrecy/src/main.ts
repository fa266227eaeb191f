import 'reflect-metadata';
import { bootstrapService, createRootLogger, loadBaseConfig, loadConfigOrExit } from '@sanshen/platform/core';
import { SECRECY_SERVICE, SecrecyModule } from './secrecy.module.js';

const config = loadConfigOrExit(SECRECY_SERVICE, () => loadBaseConfig(process.env, 3003));
const logger = createRootLogger(SECRECY_SERVICE, config.logLevel);
await bootstrapService(SecrecyModule.register(config, logger), { service: SECRECY_SERVICE, config });
