// Claude services with their options in a constant object of this module; one is filled in afterwards,
// one comes from the caller.
import Anthropic from '@anthropic-ai/sdk';

const settings = {
  chat: { apiKey: process.env.ANTHROPIC_API_KEY, maxRetries: 3 },
  quick: { apiKey: process.env.ANTHROPIC_API_KEY, timeout: 15_000 },
};
const later = { claude: { apiKey: process.env.ANTHROPIC_API_KEY } };
later.claude.timeout = 40_000;

const claude = new Anthropic(settings.chat); // expect: llm-call-without-timeout
const quick = new Anthropic(settings.quick);
const filled = new Anthropic(later.claude);

function clientFor(options) {
  return new Anthropic(options);
}
const scoped = clientFor({ apiKey: process.env.ANTHROPIC_API_KEY, timeout: 30_000 });

export async function reply(messages) {
  const first = await claude.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages });
  const second = await quick.messages.create({ model: 'claude-haiku-4-5', max_tokens: 128, messages });
  const third = await filled.messages.create({ model: 'claude-haiku-4-5', max_tokens: 128, messages });
  const fourth = await scoped.messages.create({ model: 'claude-haiku-4-5', max_tokens: 128, messages });
  return [first, second, third, fourth].map((m) => m.content);
}
