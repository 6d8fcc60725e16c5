// Project config files in the language server: the same loader as the CLI, problems logged (and shown
// once) with file, line and key, file watchers registered with the client, re-analysis on change.

import * as path from 'path';
import { CONFIG_FILE_NAMES, ProjectConfigs, formatProblem, isProjectConfigName, type Workspace } from '../engine/api';

export class ServerProject {
  readonly configs = new ProjectConfigs();
  private shown = '';

  constructor(
    private readonly log: (message: string) => void,
    private readonly warn: (message: string) => void,
  ) {}

  /** Glob patterns of the config files, for a `workspace/didChangeWatchedFiles` registration. */
  static readonly globs = [`**/{${CONFIG_FILE_NAMES.join(',')}}`];

  static isConfigFile(file: string): boolean {
    return isProjectConfigName(file);
  }

  /** Looks up the configs of the workspace's files, applies their extension points, reports their problems. */
  refresh(workspace: Workspace, reread = false): void {
    if (reread) this.configs.invalidate();
    workspace.setProjectConfigs(this.configs);
    const problems = this.configs.all().flatMap((c) => c.problems.map(formatProblem));
    const text = problems.join('\n');
    if (text === this.shown) return;
    this.shown = text;
    for (const p of problems) this.log(`config: ${p}`);
    if (problems.length > 0) this.warn(`Loopsafe: ${problems.length === 1 ? problems[0] : `${problems.length} problems in ${[...new Set(this.configs.all().filter((c) => c.problems.length).map((c) => path.basename(c.file)))].join(', ')} (see the output): ${problems[0]}`}; defaults used for the rest.`);
  }
}
