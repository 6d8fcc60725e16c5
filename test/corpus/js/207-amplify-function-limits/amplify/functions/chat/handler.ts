// AppSync resolver Lambda: answers through a helper module whose client keeps openai's defaults
// (600 s per attempt, 3 attempts), far past the function's 30 s.
// corpus: labels timeout-exceeds-server-limit
import type { Schema } from '../../data/resource';
import { answer } from './src/llm';

export const handler: Schema['chat']['functionHandler'] = async (event) => {
  const text = await answer(event.arguments.prompt ?? '');
  return { text };
};
