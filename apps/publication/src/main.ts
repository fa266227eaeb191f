import { bootstrapService, collectConfig, createRootLogger, loadBaseConfig, loadBlobStore, loadConfigOrExit } from '@sanshen/platform/core';
import { loadPublicationConfig } from './config/publication.config.js';
import { PublicationModule } from './publication.module.js';

async function main(): Promise<void> {
  const [config, publication, attachments] = loadConfigOrExit('publication', () =>
    collectConfig(
      () => loadBaseConfig(process.env, 3004),
      () => loadPublicationConfig(process.env),
      () => loadBlobStore(process.env),
    ),
  );
  const logger = createRootLogger('publication', config.logLevel);
  await bootstrapService(PublicationModule.forRoot({ config, publication, logger, attachments }), { service: 'publication', config });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
