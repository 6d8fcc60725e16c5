// Classification with a 20 s client timeout: longer than the function's default 3 s.
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic({ timeout: 20_000, maxRetries: 0 });

export const handler = async (event: { text: string }) => {
  const msg = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 16, messages: [{ role: 'user', content: event.text }] }); // expect: timeout-exceeds-server-limit
  return msg.content;
};
