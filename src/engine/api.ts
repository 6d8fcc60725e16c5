// Public surface of the engine for the language server, the CLI and tests.

export { Engine, languageOf, MAX_FILE_CHARS } from './engine';
export type { AnalyzeOptions } from './engine';
export { Workspace } from './index/workspace';
export { discoverFiles, DEFAULT_EXCLUDED_DIRS } from './index/discover';
export { decodeText } from './index/decode';
export { RULES, RULE_IDS, getRule } from './rules/registry';
export { renderRuleDocs } from './rules/rule';
export type { RuleDefinition, RuleDocs } from './rules/rule';
export { applyEdits, offsetAt } from './fix/apply';
export { suppressionEdit, isSuppressed } from './fix/suppress';
export { fixAll, mergeFixes, safeFixOf } from './fix/fix-all';
export type { FixAllOptions, FixAllResult } from './fix/fix-all';
export { diffEdits } from './fix/diff-edits';
export { normalizeRuleSeverities, normalizeNumber, normalizeBoolean, normalizeStringArray, SEVERITY_SETTINGS } from './settings';
export { defaultWasmDir } from './parse/parser';
export * from './types';
export { ProjectConfigs, readProjectConfig, formatProblem, isExcluded, isProjectConfigName, globMatches, durationSeconds, CONFIG_FILE_NAMES } from './config/project-config';
export type { ProjectConfig, ConfigProblem, LlmClientSpec, BlockingFunctionSpec } from './config/project-config';
export { setCatalogExtensions, extensionsOf } from './config/extensions';
export { optionsWithConfig, limitsWithConfig } from './config/apply';
export { fixFiles, fixToApply, compatibleFixes } from './fix/fix-files';
export type { FixFilesOutcome, FixFilesOptions } from './fix/fix-files';
export { fingerprints, normalizedCode, enclosingName } from './baseline/fingerprint';
export { Baseline, baselineEntries, DEFAULT_BASELINE_NAME } from './baseline/baseline';
export type { BaselineEntry } from './baseline/baseline';
