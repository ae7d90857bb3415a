// Starts code-server (a real VS Code: server plus web workbench) on 127.0.0.1 with fresh, isolated state.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CodeServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  readonly port: number;
  /** Everything code-server printed, for the artefacts of a failed run. */
  readonly logFile: string;
  /** Where VS Code writes its own logs, the extension host's included. */
  readonly logsDir: string;
  /** Its process group id (the server leads it), for a synchronous last-resort kill at process exit. */
  readonly pid: number;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** The run folder: user data, extensions, XDG dirs and logs all live below it. */
  runDir: string;
  /** Extra user settings on top of the defaults that keep dialogs and welcome pages away. */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and so for the extension host. */
  env?: Record<string, string>;
  /** Extensions dir; defaults to a fresh one inside runDir. */
  extensionsDir?: string;
  /**
   * Leave workspace trust on (no --disable-workspace-trust, trust enabled in the settings) so a folder opens
   * in Restricted Mode until the user trusts it. Off by default: the trust dialog would cover the workbench.
   */
  workspaceTrust?: boolean;
  /** Port to bind; 0 picks a free one. */
  port?: number;
  startTimeoutMs?: number;
}

export function codeServerBin(repoRoot: string): string {
  return path.join(repoRoot, '.tools/code-server/node_modules/code-server/out/node/entry.js');
}

export const defaultSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  // The web workbench auto-saves after 1 s by default; tests that check a dirty editor, a save
  // conflict or bytes on disk must not race it. Tests save explicitly (Ctrl+S, document.save()).
  'files.autoSave': 'off',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
};

export async function startCodeServer(
  repoRoot: string,
  options: CodeServerOptions,
): Promise<CodeServer> {
  const bin = codeServerBin(repoRoot);
  if (!fs.existsSync(bin)) {
    throw new Error(`code-server is not installed at ${bin}: run scripts/install-tools.sh first`);
  }
  const dir = (name: string): string => {
    const p = path.join(options.runDir, name);
    fs.mkdirSync(p, { recursive: true });
    return p;
  };
  const udd = dir('udd');
  fs.mkdirSync(path.join(udd, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(udd, 'User', 'settings.json'),
    JSON.stringify(
      {
        ...defaultSettings,
        ...(options.workspaceTrust ? { 'security.workspace.trust.enabled': true } : {}),
        ...options.settings,
      },
      null,
      2,
    ),
  );
  const configFile = path.join(options.runDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const logFile = path.join(options.runDir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');

  const args = [
    bin,
    '--bind-addr',
    `127.0.0.1:${options.port ?? 0}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir',
    udd,
    '--extensions-dir',
    options.extensionsDir ?? dir('exts'),
    '--config',
    configFile,
    '--ignore-last-opened',
  ];
  const child = spawn(process.execPath, args, {
    // Its own process group, so stop() ends the extension host and other children too.
    detached: true,
    stdio: ['ignore', 'pipe', logFd],
    env: {
      ...process.env,
      ...options.env,
      XDG_CONFIG_HOME: dir('xdg/config'),
      XDG_DATA_HOME: dir('xdg/data'),
      XDG_CACHE_HOME: dir('xdg/cache'),
      // Without it the workbench keeps trying to reach the extension gallery.
      EXTENSIONS_GALLERY: '{}',
    },
  });
  fs.closeSync(logFd);

  const port = await waitForPort(child, logFile, options.startTimeoutMs ?? 60_000);
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    logFile,
    logsDir: path.join(udd, 'logs'),
    pid: child.pid as number,
    stop: () => stopGroup(child),
  };
}

function waitForPort(child: ChildProcess, logFile: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    let listening = false;
    const timer = setTimeout(
      () => fail(`no "HTTP server listening" line within ${timeoutMs} ms`),
      timeoutMs,
    );
    const fail = (why: string): void => {
      clearTimeout(timer);
      void stopGroup(child);
      reject(new Error(`code-server did not start: ${why}; see ${logFile}`));
    };
    child.on('exit', (code) => fail(`it exited with code ${String(code)}`));
    child.stdout?.on('data', (chunk: Buffer) => {
      fs.appendFileSync(logFile, chunk);
      if (listening) return;
      seen += chunk.toString('utf8');
      const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
      if (match?.[1]) {
        listening = true;
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(Number(match[1]));
      }
    });
  });
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
  // The extension host may outlive the server process briefly; make sure the whole group is gone.
  signalGroup('SIGKILL');
}

/**
 * Installs a packaged extension the way a user does (`code-server --install-extension`), so it runs as an
 * installed extension and not as one under development (VS Code keeps no backups for the latter).
 */
export function installExtension(
  repoRoot: string,
  vsix: string,
  extensionsDir: string,
  userDataDir: string,
): void {
  execFileSync(
    process.execPath,
    [
      codeServerBin(repoRoot),
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      userDataDir,
      '--install-extension',
      vsix,
      '--force',
    ],
    { stdio: 'pipe', env: { ...process.env, EXTENSIONS_GALLERY: '{}' } },
  );
}
