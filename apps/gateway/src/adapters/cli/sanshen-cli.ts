import { parseArgs } from 'node:util';
import type { ParseArgsOptionsConfig } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DomainError } from '@sanshen/kernel';
import { runMigrationStep } from '@sanshen/platform/core';
import type { BaseConfig } from '@sanshen/platform/core';
import { IDENTITY_DATABASE } from '../../gateway.module.js';
import type { Logger } from 'pino';
import { CreateAgencyUseCase } from '../../use-cases/create-agency/create-agency.use-case.js';
import { CreatePlatformAdminUseCase } from '../../use-cases/create-platform-admin/create-platform-admin.use-case.js';
import { CliModule } from './cli.module.js';
import { removeEventStream } from './remove-event-stream.js';

export const CLI_USAGE = `Usage (from the image: node dist/apps/gateway/main.js <command> …; in the repository: npm run sanshen -- <command> …):
  agency:create --code <code> --name <机关名称> --admin-username <username> [--admin-name <姓名>]
      an agency and its first admin; prints the admin's one-time password (changed at first sign-in)
  platform-admin:create --username <username> [--name <姓名>]
      a platform administrator (onboards agencies through POST /api/v1/agencies); prints a one-time password
  migrate
      migrates the gateway's identity schema and exits (the other services: node dist/apps/<service>/main.js migrate)
  stream:remove
      removes the JetStream stream of the installation (a step of restoring a backup; the services make it anew)
Needs DATABASE_URL (and SANSHEN_NAMESPACE where one is used); migrates the identity schema first.
stream:remove needs NATS_URL (and SANSHEN_NAMESPACE) only.`;

const COMMANDS: Record<'agency:create' | 'platform-admin:create' | 'migrate' | 'stream:remove', ParseArgsOptionsConfig> = {
  'agency:create': {
    code: { type: 'string' },
    name: { type: 'string' },
    'admin-username': { type: 'string' },
    'admin-name': { type: 'string', default: '系统管理员' },
  },
  'platform-admin:create': {
    username: { type: 'string' },
    name: { type: 'string', default: '平台管理员' },
  },
  migrate: {},
  'stream:remove': {},
};

type Command = keyof typeof COMMANDS;

function isCommand(value: string | undefined): value is Command {
  return value !== undefined && Object.hasOwn(COMMANDS, value);
}

/** A required option, or a usage error naming it. */
function required(values: Record<string, string | boolean | (string | boolean)[] | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}

class UsageError extends Error {}

/**
 * The operator's command line, inside the gateway's bundle (so the image runs it as a Kubernetes
 * Job). Prints the result as one JSON object on stdout; a refusal as `{code, message, details}` on
 * stderr. Exit status: 0 done, 1 refused or failed, 2 usage.
 */
export async function runCli(argv: string[], config: BaseConfig, logger: Logger): Promise<number> {
  const [command, ...rest] = argv;
  if (!isCommand(command)) {
    process.stderr.write(`${command === undefined || command === 'help' || command === '--help' ? '' : `unknown command: ${command}\n`}${CLI_USAGE}\n`);
    return 2;
  }
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    values = parseArgs({ args: rest, options: COMMANDS[command], strict: true, allowPositionals: false }).values;
    if (command === 'agency:create') for (const name of ['code', 'name', 'admin-username']) required(values, name);
    else if (command === 'platform-admin:create') required(values, 'username');
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${CLI_USAGE}\n`);
    return 2;
  }
  if (command === 'migrate') {
    await runMigrationStep('gateway', config, IDENTITY_DATABASE);
    return 0;
  }
  if (command === 'stream:remove') {
    process.stdout.write(`${JSON.stringify(await removeEventStream(config))}\n`);
    return 0;
  }
  const app = await NestFactory.createApplicationContext(CliModule.register(config, logger), { logger: false });
  try {
    const result =
      command === 'agency:create'
        ? await app.get(CreateAgencyUseCase).execute(
            { operator: true },
            {
              code: required(values, 'code'),
              name: required(values, 'name'),
              adminUsername: required(values, 'admin-username'),
              adminDisplayName: required(values, 'admin-name'),
            },
            null,
          )
        : await app.get(CreatePlatformAdminUseCase).execute({ username: required(values, 'username'), displayName: required(values, 'name') });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.stderr.write('一次性密码只显示这一次：请安全地交给本人；首次登录后必须修改密码。\n');
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`${JSON.stringify(error.toBody())}\n`);
    return 1;
  } finally {
    await app.close();
  }
}
