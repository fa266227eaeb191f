import 'reflect-metadata';
import { bootstrapService, createRootLogger, loadBaseConfig } from '@sanshen/platform';
import { REVIEW_SERVICE, ReviewModule } from './review.module.js';

const config = loadBaseConfig(process.env, 3002);
const logger = createRootLogger(REVIEW_SERVICE, config.logLevel);
await bootstrapService(ReviewModule.register(config, logger), { service: REVIEW_SERVICE, config });
