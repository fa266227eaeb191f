/**
 * @sanshen/platform/core — what every service stands on, and all the portal takes: configuration,
 * logging, its database, health and metrics, the error filter, the boot. Nothing here reaches NATS
 * or Redis (test/architecture/import-graph.spec.ts checks the portal's whole import closure).
 */
export { CoreModule } from './core.module.js';
export type { CoreOptions } from './core.module.js';
export { loadBaseConfig, parseEnv, collectConfig, loadConfigOrExit, configurationReport, ConfigurationError, BASE_CONFIG } from './config.js';
export type { BaseConfig, BaseConfigOptions, ConfigProblem } from './config.js';
export { dataSourceOptions, openDataSource, databaseModule, migrateSchema } from './database.js';
export type { DatabaseOptions } from './database.js';
export { createRootLogger, correlationIdFrom, CORRELATION_HEADER } from './logging.js';
export { ErrorFilter, httpStatusOf, sendHttpError, setRetryAfter, UNAVAILABLE_RETRY_AFTER_SECONDS } from './error.filter.js';
export { isOutage } from './outage.js';
export { ReadinessChecks } from './health.js';
export { within, PROBE_TIMEOUT_MS } from './within.js';
export type { ReadinessProbe } from './health.js';
export { declareForBoot, databaseOptionsOf } from './module-tree.js';
export type { BootDeclarations } from './module-tree.js';
export { httpRequestDuration, latencyHistogram, ledgerAppendDuration, ledgerLastVerified, scrapedGauge, settableGauge } from './metrics.js';
export type { GaugeSample } from './metrics.js';
export { bootstrapService, runMigrationStep } from './bootstrap.js';
export type { ServiceBootOptions } from './bootstrap.js';
export { ROOT_LOGGER } from './tokens.js';
export { Public, IS_PUBLIC } from './public-route.js';
export { htmlTemplates } from './html-templates.js';
export type { RenderTemplate } from './html-templates.js';
export { BLOB_STORE, FileSystemBlobStore, S3BlobStore, loadBlobStore } from './blob-store.js';
export type { BlobStore, S3BlobStoreOptions } from './blob-store.js';
export { sendDownload } from './file-download.js';
export type { DownloadFile } from './file-download.js';
