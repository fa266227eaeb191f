import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { DatabaseOptions } from './database.js';

/**
 * What a kit module declares about itself for the boot, read off the application's module tree
 * before Nest starts: the schema to migrate (`migrate` starts no module at all), and what to attach
 * to the application before it listens (a module cannot connect a microservice transport itself:
 * that is the application's). So `main.ts` passes the module and nothing it already said.
 */
export interface BootDeclarations {
  database?: DatabaseOptions;
  /** Called with the application after it is created and before it listens (RpcModule: the NATS server). */
  attach?: (app: INestApplication) => void;
}

const DECLARED = new WeakMap<object, BootDeclarations>();

/** Records what `module` (as returned by a kit module's `forService`) declares for the boot. */
export function declareForBoot(module: DynamicModule, declarations: BootDeclarations): DynamicModule {
  DECLARED.set(module, declarations);
  return module;
}

/** Every declaration in the tree under `root` (the root included), depth first, in import order. */
export function bootDeclarationsOf(root: DynamicModule): BootDeclarations[] {
  const found: BootDeclarations[] = [];
  const visit = (module: DynamicModule): void => {
    const own = DECLARED.get(module);
    if (own) found.push(own);
    for (const imported of module.imports ?? []) {
      if (typeof imported === 'object' && imported !== null && 'module' in imported) visit(imported as DynamicModule);
    }
  };
  visit(root);
  return found;
}

/** The database options of the CoreModule among an application module's imports, or null. */
export function databaseOptionsOf(root: DynamicModule): DatabaseOptions | null {
  return bootDeclarationsOf(root).find((declared) => declared.database !== undefined)?.database ?? null;
}
