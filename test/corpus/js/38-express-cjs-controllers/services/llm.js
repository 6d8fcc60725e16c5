// Anthropic helpers shared by the controllers (CommonJS).
const Anthropic = require('@anthropic-ai/sdk');
const { execFileSync } = require('child_process');

const anthropic = new Anthropic({ timeout: 45_000, maxRetries: 2 });

async function ask(question) {
  const msg = await anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 512, messages: [{ role: 'user', content: question }] });
  return msg.content[0].text;
}

function repoContext() {
  return execFileSync('git', ['log', '-5', '--oneline']).toString(); // expect: blocking-call-in-async-handler
}

module.exports = { ask, repoContext };
