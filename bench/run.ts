// `npm run bench`: every benchmark the README quotes, one after the other, each in its own process so one's
// memory and JIT state cannot colour another's. Each prints its figures and the ratio to its own baseline.
//   node dist/bench/run.js [name …]     (after npm run build; names: registry, engine-pipeline, …)
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './lib.js';

const ALL = ['registry', 'engine-pipeline', 'engine-sensitivity', 'web'] as const;
const chosen = process.argv.slice(2);
const names = chosen.length ? chosen : ALL;

console.log(
  `MakerAtlas benchmarks on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ` +
    `load average ${loadavg()[0]?.toFixed(1)} at start\n`,
);
let failed = 0;
for (const name of names) {
  console.log(`━━ ${name} ${'━'.repeat(Math.max(0, 70 - name.length))}`);
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'bench', `${name}.js`)], {
    stdio: 'inherit',
  });
  console.log(
    `(${name}: ${((performance.now() - t) / 1000).toFixed(0)} s${r.status ? `, exit code ${r.status}` : ''})\n`,
  );
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
