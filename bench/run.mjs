// `npm run bench`: builds the bench bundles and the CLI, then runs every out/bench/**/*.bench.js in
// its own process, one after the other (the machines have 2 cores: parallel runs would skew each
// other), and ends with a table of what ran. Each bench prints its own results.
//
//   npm run bench                 every bench
//   npm run bench -- validate csv only benches whose file name contains one of the words
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const filters = process.argv.slice(2);
const build = spawnSync(process.execPath, ['esbuild.mjs', '--only=bench,cli', '--production'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

function find(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return find(path);
      return name.endsWith('.bench.js') ? [path] : [];
    });
}

const benches = find('out/bench').filter(
  (f) => filters.length === 0 || filters.some((w) => f.includes(w)),
);
if (benches.length === 0) {
  console.error(`no bench matches ${filters.join(' ')}`);
  process.exit(2);
}

const summary = [];
for (const file of benches) {
  const name = relative('out/bench', file);
  console.log(`\n━━ ${name} ${'━'.repeat(Math.max(0, 70 - name.length))}`);
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--expose-gc', file], { stdio: 'inherit' });
  summary.push({ name, seconds: (performance.now() - start) / 1000, status: r.status ?? r.signal });
}

console.log('\n━━ summary ' + '━'.repeat(62));
for (const s of summary)
  console.log(
    `  ${s.name.padEnd(28)} ${s.status === 0 ? 'ok    ' : `FAILED (${s.status})`} ${s.seconds.toFixed(1).padStart(7)} s`,
  );
process.exit(summary.every((s) => s.status === 0) ? 0 : 1);
