import 'reflect-metadata';
import { bootstrapService, createRootLogger, loadBaseConfig, loadConfigOrExit } from '@sanshen/platform/core';
import { DRAFTING_SERVICE, DraftingModule } from './drafting.module.js';

const config = loadConfigOrExit(DRAFTING_SERVICE, () => loadBaseConfig(process.env, 3001));
const logger = createRootLogger(DRAFTING_SERVICE, config.logLevel);
await bootstrapService(DraftingModule.register(config, logger), { service: DRAFTING_SERVICE, config });
