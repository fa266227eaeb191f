import { bootstrapService, createRootLogger, loadBaseConfig } from '@sanshen/platform';
import { loadPublicationConfig } from './config/publication.config.js';
import { PublicationModule } from './publication.module.js';

async function main(): Promise<void> {
  const config = loadBaseConfig(process.env, 3004);
  const publication = loadPublicationConfig(process.env);
  const logger = createRootLogger('publication', config.logLevel);
  await bootstrapService(PublicationModule.forRoot({ config, publication, logger }), { service: 'publication', config });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
