// Worker threads that run our TypeScript sources. A worker does not inherit the loader the process was
// started with (`node --import tsx`), nor does one started from the tests, so it registers tsx itself,
// from the tsx this package depends on: an eval'd worker would resolve packages from the working folder.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const TSX = (() => {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('tsx/package.json');
  const exported = require(pkg) as { exports: Record<string, { import: string | { default: string } }> };
  const api = exported.exports['./esm/api'].import;
  return pathToFileURL(join(dirname(pkg), typeof api === 'string' ? api : api.default)).href;
})();

/** A worker thread running the TypeScript module at `moduleUrl` (a file: URL). */
export function tsWorker(moduleUrl: string, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const tsx = JSON.stringify(TSX);
  const target = JSON.stringify(moduleUrl);
  const code = `import(${tsx}).then(({ register }) => { register(); return import(${target}); })`;
  return new Worker(code, { ...options, eval: true });
}
