// One build script for every bundle: the extension, the CLI, each webview, and the test and bench bundles.
// Usage: node esbuild.mjs [--watch] [--production] [--only=extension,cli,webview,unit,integration,bench]
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const watch = args.includes('--watch');
const production = args.includes('--production');
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;

/** Every file below `dir` whose name ends with `suffix`, so new tests and webviews need no edit here. */
function findFiles(dir, suffix) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findFiles(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found.sort();
}

const existing = (files) => files.filter((f) => existsSync(f));

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  legalComments: 'linked',
  // esbuild's default formatter prints file:line:col, which VS Code's $esbuild-watch problem matcher reads.
};

const node = { ...common, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'] };

// findFiles matches on the file name, so filter on the whole path for exactly `main.ts`.
const webviewEntries = findFiles('src/webview', 'main.ts')
  .filter((f) => f.endsWith('/main.ts'))
  .map((f) => ({
    in: f,
    out: f.replace(/^src\/webview\//, '').replace(/\/main\.ts$/, ''),
  }));

const targets = {
  extension: {
    ...node,
    // The chart's analysis worker ships with the extension: a worker thread loads it by path.
    entryPoints: [
      { in: 'src/extension/extension.ts', out: 'extension' },
      { in: 'src/extension/allocationPanelWorker.ts', out: 'analysisWorker' },
    ].filter((e) => existsSync(e.in)),
    outdir: 'dist',
  },
  cli: {
    ...node,
    entryPoints: existing(['src/cli/main.ts']),
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  webview: {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: webviewEntries,
    outdir: 'dist/webview',
  },
  unit: {
    ...node,
    entryPoints: findFiles('test/unit', '.test.ts'),
    outdir: 'out/unit',
    outbase: 'test/unit',
    external: ['vscode', 'mocha', 'fast-check'],
  },
  integration: {
    ...node,
    entryPoints: [
      ...findFiles('test/integration/suite', '.ts'),
      ...findFiles('test/integration/harness', '.ts'),
      ...findFiles('test/integration/browser', '.ts'),
    ],
    outdir: 'out/integration',
    outbase: 'test/integration',
    external: ['vscode', 'mocha', 'playwright-core'],
  },
  bench: {
    ...node,
    entryPoints: findFiles('bench', '.ts'),
    outdir: 'out/bench',
    outbase: 'bench',
    external: ['vscode', 'playwright-core'],
  },
};

const selected = Object.entries(targets).filter(
  ([name, options]) => (!only || only.has(name)) && options.entryPoints.length > 0,
);

// Codicons for the webviews, served from dist/webview: node_modules is not in the .vsix.
if (selected.some(([name]) => name === 'webview')) {
  mkdirSync('dist/webview', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) {
    copyFileSync(join('node_modules/@vscode/codicons/dist', file), join('dist/webview', file));
  }
}

if (watch) {
  for (const [, options] of selected) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('[watch] build finished, watching for changes…');
} else {
  const results = await Promise.allSettled(selected.map(([, options]) => esbuild.build(options)));
  if (results.some((r) => r.status === 'rejected')) process.exit(1);
}
