import { describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import type { DictionaryRepository } from '../../persistence/dictionary.repository.js';
import type { DictionaryPublisher } from './dictionary-publisher.js';
import { PublishDictionaryAtBootUseCase } from './publish-dictionary-at-boot.use-case.js';

function atBoot(current: number, inOutbox: boolean) {
  const log: string[] = [];
  const dataSource = { transaction: <T>(work: (manager: object) => Promise<T>) => work({}) } as unknown as DataSource;
  const dictionary = {
    lock: async () => log.push('lock'),
    currentVersion: async () => current,
    versionInOutbox: async (_manager: unknown, _aggregate: string, version: number) => {
      log.push(`outbox has v${version}? ${inOutbox}`);
      return inOutbox;
    },
  } as unknown as DictionaryRepository;
  const publisher = {
    emit: async (_manager: unknown, actor: { userId: string }, version: number) => log.push(`emit v${version} as ${actor.userId}`),
    published: () => log.push('published'),
  } as unknown as DictionaryPublisher;
  return { useCase: new PublishDictionaryAtBootUseCase(dataSource, dictionary, publisher), log };
}

describe('PublishDictionaryAtBootUseCase', () => {
  it('publishes the current version, as the system, when its event has left the outbox (or never was in it)', async () => {
    const { useCase, log } = atBoot(4, false);
    await useCase.onApplicationBootstrap();
    expect(log).toEqual(['lock', 'outbox has v4? false', 'emit v4 as system', 'published']);
  });

  it('publishes nothing while the outbox still holds the current version', async () => {
    const { useCase, log } = atBoot(4, true);
    await useCase.onApplicationBootstrap();
    expect(log).toEqual(['lock', 'outbox has v4? true']);
  });

  it('publishes nothing before there is a dictionary version', async () => {
    const { useCase, log } = atBoot(0, false);
    await useCase.onApplicationBootstrap();
    expect(log).toEqual(['lock']);
  });
});
