import { randomUUID } from 'node:crypto';
import { createServices } from '../app.ts';
import {
  loadConfigOrExit,
  openKeystore,
  openMigratedDatabase,
  verifyKeysOrExit,
} from '../platform/bootstrap.ts';
import type { RequestContext } from '../platform/request-context.ts';

/** Configuration, migrated database and services for an operator's command, closed by `close()`. */
export async function openCli() {
  const config = loadConfigOrExit();
  const database = await openMigratedDatabase(config);
  const keystore = await openKeystore(config, database);
  // A command run with other keys would write what the server cannot read (decision 014).
  await verifyKeysOrExit(config, database, keystore);
  const services = createServices({ config, database, keystore });
  const context: RequestContext = {
    requestId: `cli-${randomUUID()}`,
    channel: 'cli',
    ip: '127.0.0.1',
    userAgent: undefined,
    principal: undefined,
  };
  const close = async () => {
    await database.close();
    if (keystore !== database) await keystore.close();
  };
  return { config, database, services, context, close };
}

/** `--name value` style arguments. */
export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}
