// The `fundLedger.displayUnit` setting: how amounts are shown in the grid (the file keeps its own unit).
import * as vscode from 'vscode';
import type { DisplayUnit } from '../shared/protocol';
import { isDisplayUnit } from './messageValidation';

const SECTION = 'fundLedger';
const KEY = 'displayUnit';

export function displayUnitSetting(): DisplayUnit {
  const value = vscode.workspace.getConfiguration(SECTION).get<unknown>(KEY);
  return isDisplayUnit(value) ? value : '元';
}

/** The toolbar switch writes the user setting, so every grid and the status bar follow it. */
export async function storeDisplayUnit(unit: DisplayUnit): Promise<void> {
  await vscode.workspace
    .getConfiguration(SECTION)
    .update(KEY, unit, vscode.ConfigurationTarget.Global);
}

export function onDisplayUnitChange(listener: (unit: DisplayUnit) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${SECTION}.${KEY}`)) listener(displayUnitSetting());
  });
}
