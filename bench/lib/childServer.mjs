import { fork } from 'node:child_process';

/**
 * Starts a benchmark server script in its own Node process (with `--expose-gc`) and waits for
 * its `{ready, port}` IPC message. `measure()` asks it to collect garbage and report memory.
 */
export async function startChildServer(script, args = []) {
  const child = fork(script, args, {
    execArgv: ['--expose-gc', ...(process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean)],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    child.on('message', (m) => m?.ready && resolve(m.port));
  });
  const measure = () =>
    new Promise((resolve) => {
      const onMessage = (m) => {
        if (!m?.memory) return;
        child.off('message', onMessage);
        resolve(m.memory);
      };
      child.on('message', onMessage);
      child.send({ cmd: 'measure' });
    });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { port, baseUrl: `http://127.0.0.1:${port}`, measure, stop };
}
