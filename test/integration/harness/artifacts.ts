// What a failed run leaves behind for whoever reads the CI log: code-server's output and VS Code's logs
// (the extension host's among them), next to the screenshots the tests already saved there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeServer } from './code-server';

export function keepFailureArtifacts(dir: string, server: CodeServer, runDir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  copyIfThere(path.join(runDir, 'suite-output.log'), path.join(dir, 'suite-output.log'));
  copyIfThere(server.logFile, path.join(dir, 'code-server.log'));
  copyIfThere(server.logsDir, path.join(dir, 'vscode-logs'));
  // One extension host per workbench window: exthost1 is the suite's, the others the browser tests'.
  const hostLogs = findFiles(path.join(dir, 'vscode-logs'), (name) => name === 'remoteexthost.log');
  const first =
    hostLogs.find((log) => log.includes(`${path.sep}exthost1${path.sep}`)) ?? hostLogs[0];
  if (first) {
    const more = hostLogs.length > 1 ? ` (and ${hostLogs.length - 1} more under vscode-logs/)` : '';
    console.error(`extension host log: ${path.relative(process.cwd(), first)}${more}`);
  }
}

function copyIfThere(from: string, to: string): void {
  if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true });
}

function findFiles(dir: string, match: (name: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findFiles(full, match));
    else if (match(entry.name)) found.push(full);
  }
  return found.sort();
}
