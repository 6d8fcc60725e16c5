// Chat services whose clients take their options from the constants module, whole or spread.
// corpus: labels llm-call-without-timeout, llm-http-without-retry
import OpenAI, { AzureOpenAI } from 'openai';
import constants, { providers } from '../config/constants.js';

const azure = new AzureOpenAI(constants.azureOptions); // expect: llm-call-without-timeout
const bounded = new OpenAI(constants.boundedOptions);
const tuned = new OpenAI({ ...providers.openai, maxRetries: 1 }); // expect: llm-call-without-timeout
const tunedBounded = new OpenAI({ ...providers.openai, timeout: 20_000 });

export async function azureChat(prompt) {
  const r = await azure.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: constants.systemPrompt }, { role: 'user', content: prompt }] });
  return r.choices[0].message.content;
}

export async function boundedChat(prompt) {
  const a = await bounded.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
  const b = await tuned.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: a.choices[0].message.content }] });
  const c = await tunedBounded.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: b.choices[0].message.content }] });
  return c.choices[0].message.content;
}
