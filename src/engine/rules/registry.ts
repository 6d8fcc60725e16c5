// All rule definitions by id. Adding a rule: one file in this folder, one line here.

import type { RuleDefinition } from './rule';
import { blockingLlmCall } from './blocking-llm-call';
import { awaitOnSyncCall } from './await-on-sync-call';
import { unawaitedLlmCall } from './unawaited-llm-call';
import { asyncClientInSyncHandler } from './async-client-in-sync-handler';
import { blockingCallInAsyncHandler } from './blocking-call-in-async-handler';
import { llmCallWithoutTimeout } from './llm-call-without-timeout';
import { llmHttpWithoutRetry } from './llm-http-without-retry';
import { timeoutExceedsServerLimit } from './timeout-exceeds-server-limit';
import { blockedAtRuntime } from './blocked-at-runtime';
import type { RuleId } from '../types';

const ALL: RuleDefinition[] = [blockingLlmCall, awaitOnSyncCall, unawaitedLlmCall, asyncClientInSyncHandler, blockingCallInAsyncHandler, llmCallWithoutTimeout, llmHttpWithoutRetry, timeoutExceedsServerLimit, blockedAtRuntime];

export const RULES: ReadonlyMap<RuleId, RuleDefinition> = new Map(ALL.map((r) => [r.id, r]));
export const RULE_IDS: readonly RuleId[] = ALL.map((r) => r.id);

export function getRule(id: string): RuleDefinition | undefined {
  return RULES.get(id as RuleId);
}
