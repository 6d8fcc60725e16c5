// JavaScript/TypeScript analysis of one file (issue 5 fills this in): model, handlers, LLM calls,
// and the JS checks of each rule.

import type { Tree } from '../../parse/parser';
import type { FileAnalysis, Language } from '../../types';

export function analyzeJsFile(file: string, text: string, tree: Tree, language: Language): FileAnalysis {
  void tree;
  return { file, language, findings: [], routes: [], notes: [], lines: text.length === 0 ? 0 : text.split('\n').length };
}
