// The shape of a rule definition: id, default severity, languages and the docs that
// `loopsafe explain`, the hover and the "Explain rule" action show.

import type { Finding, Language, RuleId, Severity } from '../types';
import type { PyContext } from '../model/python/context';
import type { JsContext } from '../model/js/context';

export interface RuleDocs {
  /** One paragraph. */
  whatItDoes: string;
  whyIsThisBad: string;
  /** Code that must get this rule's finding (a docs test runs it). */
  example: string;
  /** Code that must not get it. */
  useInstead: string;
  fixSafety: string;
}

export interface RuleDefinition {
  id: RuleId;
  defaultSeverity: Severity;
  languages: Language[];
  /** One line for tables and the explain header. */
  summary: string;
  /** Titles of the quick fixes this rule can offer. */
  fixTitles: string[];
  docs: RuleDocs;
  /** File extension used when the docs test writes the Example to disk. */
  exampleFile?: string;
  /** Other files of the Example's workspace (a Procfile with the server command…), by relative path. */
  exampleWorkspace?: Record<string, string>;
  /** Findings come from a load test's runtime sampler (published by the language server), never from a check. */
  runtimeOnly?: boolean;
  /** The Python check: findings (with fixes) for one analysed file. */
  checkPython?: (ctx: PyContext) => Finding[];
  /** The JavaScript/TypeScript check. */
  checkJs?: (ctx: JsContext) => Finding[];
}

/** Renders a rule's docs as markdown (explain command, hover, CLI). */
export function renderRuleDocs(rule: RuleDefinition): string {
  const lang = (rule.exampleFile ?? 'x.py').endsWith('.py') ? 'python' : 'ts';
  return [
    `# ${rule.id}`,
    '',
    rule.summary,
    '',
    `Default severity: ${rule.defaultSeverity}. Languages: ${rule.languages.join(', ')}.`,
    '',
    '## What it does',
    '',
    rule.docs.whatItDoes,
    '',
    '## Why is this bad?',
    '',
    rule.docs.whyIsThisBad,
    '',
    '## Example',
    '',
    ...Object.entries(rule.exampleWorkspace ?? {}).flatMap(([name, text]) => [`\`${name}\`:`, '', '```', text.trimEnd(), '```', '']),
    '```' + lang,
    rule.docs.example.trimEnd(),
    '```',
    '',
    '## Use instead',
    '',
    '```' + lang,
    rule.docs.useInstead.trimEnd(),
    '```',
    '',
    '## Fix safety',
    '',
    rule.docs.fixSafety,
    '',
  ].join('\n');
}
