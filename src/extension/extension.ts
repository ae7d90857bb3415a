import type * as vscode from 'vscode';

// activate() only registers; each feature lives in its own file.
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
