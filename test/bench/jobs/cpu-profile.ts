import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Preloaded into a worker (`node --import`) by `bench:jobs -- --cpu-prof=DIR`:
 * a V8 CPU profile of the whole run, written when the worker is told to stop.
 * `node --cpu-prof` would write none: Nest's shutdown hook ends the process
 * by signal, and a profile is only written on a normal exit. This listener is
 * registered first, and a same-thread inspector session answers synchronously.
 */
const dir = process.env.SMEDX_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  process.once('SIGTERM', () => {
    session.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(join(dir, `worker-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
