import 'reflect-metadata';
import { bootstrapService, collectConfig, createRootLogger, loadBaseConfig, loadBlobStore, loadConfigOrExit } from '@sanshen/platform/core';
import { DRAFTING_SERVICE, DraftingModule } from './drafting.module.js';

const [config, attachments] = loadConfigOrExit(DRAFTING_SERVICE, () =>
  collectConfig(
    () => loadBaseConfig(process.env, 3001),
    () => loadBlobStore(process.env),
  ),
);
const logger = createRootLogger(DRAFTING_SERVICE, config.logLevel);
await bootstrapService(DraftingModule.register(config, logger, attachments), { service: DRAFTING_SERVICE, config });
