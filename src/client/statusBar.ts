// The status bar item: how many Loopsafe findings the workspace has; a click opens the Problems panel.

import * as vscode from 'vscode';
import type { StatusParams } from '../shared/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('loopsafe.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Loopsafe';
    this.item.command = 'workbench.actions.view.problems';
    this.update({ files: 0, findings: 0, scanning: false });
    this.item.show();
  }

  update(s: StatusParams): void {
    if (s.scanning) {
      this.item.text = '$(sync~spin) Loopsafe';
      this.item.tooltip = 'Loopsafe is scanning the workspace';
    } else if (s.findings === 0) {
      this.item.text = '$(check) Loopsafe';
      this.item.tooltip = 'Loopsafe: no blocking or unawaited LLM calls found';
    } else {
      this.item.text = `$(pulse) Loopsafe: ${s.findings}`;
      this.item.tooltip = `Loopsafe: ${s.findings} finding${s.findings === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'} — click to open the Problems panel`;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
