import 'reflect-metadata';
import { bootstrapService, createRootLogger, loadBaseConfig } from '@sanshen/platform';
import { loadReviewConfig } from './config/review.config.js';
import { REVIEW_SERVICE, ReviewModule } from './review.module.js';

const config = loadBaseConfig(process.env, 3002);
const review = loadReviewConfig(process.env);
const logger = createRootLogger(REVIEW_SERVICE, config.logLevel);
await bootstrapService(ReviewModule.register(config, logger, review), { service: REVIEW_SERVICE, config });
