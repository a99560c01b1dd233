#!/usr/bin/env node
import { parseCommandLine, USAGE } from './config/commandLine.js';
import { ConfigError } from './config/serverConfig.js';
import { DEMO_USERS } from './demo/seedDemoUsers.js';
import { createServer, type SmaRTCServer } from './server.js';

function fail(message: string): never {
  process.stderr.write(`smartc-server: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let commandLine: ReturnType<typeof parseCommandLine>;
  try {
    commandLine = parseCommandLine(process.argv.slice(2), process.env);
  } catch (error) {
    fail((error as Error).message);
  }
  if (commandLine.help) {
    process.stdout.write(USAGE);
    return;
  }

  let server: SmaRTCServer;
  try {
    server = await createServer(commandLine.options);
    await server.listen();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      fail(`port ${commandLine.options.port ?? 8080} is already in use; pick another with --port`);
    fail(`could not start: ${(error as Error).message}`);
  }

  const { config } = server;
  const shown = server.url.replace('//127.0.0.1:', '//localhost:');
  const mode = config.demo
    ? ` (demo mode: sign in as ${DEMO_USERS[0]?.username} / ${DEMO_USERS[0]?.password})`
    : config.dev
      ? ' (dev mode)'
      : '';
  process.stdout.write(`SmaRTC server ready: ${shown}${mode}\n`);
  if (config.dev && config.jwtSecret === undefined) {
    server.logger.warn(
      'no SMARTC_JWT_SECRET: using a generated secret stored in the database (dev/demo only)',
    );
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      server.logger.warn({ signal }, 'forced exit');
      process.exit(1);
    }
    stopping = true;
    server.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      server.logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close().then(
      () => {
        server.logger.info('stopped');
        server.logger.flush?.();
        process.exit(0);
      },
      (error: unknown) => {
        server.logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => fail((error as Error).stack ?? String(error)));
