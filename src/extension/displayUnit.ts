// The `fundLedger.displayUnit` setting: how amounts are shown (the file keeps its own units).
// `asDeclared` (the default) shows each amount column in the unit its header declares; the chart,
// which needs one unit, reads that as 元.
import * as vscode from 'vscode';
import type { DisplayUnit, GridUnitChoice } from '../shared/protocol';
import { isDisplayUnit, isGridUnitChoice } from './messageValidation';

const SECTION = 'fundLedger';
const KEY = 'displayUnit';

function raw(): unknown {
  return vscode.workspace.getConfiguration(SECTION).get<unknown>(KEY);
}

/** One concrete unit, for views that cannot show columns in different units (the chart). */
export function displayUnitSetting(): DisplayUnit {
  const value = raw();
  return isDisplayUnit(value) ? value : '元';
}

export function gridUnitSetting(): GridUnitChoice {
  const value = raw();
  return isGridUnitChoice(value) ? value : 'asDeclared';
}

/** The toolbar switch writes the user setting, so every grid, the chart and the status bar follow it. */
export async function storeDisplayUnit(unit: GridUnitChoice): Promise<void> {
  await vscode.workspace
    .getConfiguration(SECTION)
    .update(KEY, unit, vscode.ConfigurationTarget.Global);
}

/** Fires with the concrete unit (chart) — see onGridUnitChange for the grid's choice. */
export function onDisplayUnitChange(listener: (unit: DisplayUnit) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${SECTION}.${KEY}`)) listener(displayUnitSetting());
  });
}

export function onGridUnitChange(listener: (unit: GridUnitChoice) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${SECTION}.${KEY}`)) listener(gridUnitSetting());
  });
}
