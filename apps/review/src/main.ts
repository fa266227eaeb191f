import 'reflect-metadata';
import { bootstrapService, collectConfig, createRootLogger, loadBaseConfig, loadConfigOrExit } from '@sanshen/platform/core';
import { loadReviewConfig } from './config/review.config.js';
import { REVIEW_SERVICE, ReviewModule } from './review.module.js';

const [config, review] = loadConfigOrExit(REVIEW_SERVICE, () =>
  collectConfig(
    () => loadBaseConfig(process.env, 3002),
    () => loadReviewConfig(process.env),
  ),
);
const logger = createRootLogger(REVIEW_SERVICE, config.logLevel);
await bootstrapService(ReviewModule.register(config, logger, review), { service: REVIEW_SERVICE, config });
