// CommonJS summary service: Mistral clients built from the vendors module's objects.
const { Mistral } = require('@mistralai/mistralai');
const vendors = require('../config/vendors');

const mistral = new Mistral(vendors.mistral); // expect: llm-http-without-retry
const retrying = new Mistral(vendors.mistralRetrying);

async function summarize(text) {
  const a = await mistral.chat.complete({ model: 'mistral-small-latest', messages: [{ role: 'user', content: `Summarize: ${text}` }] });
  const b = await retrying.chat.complete({ model: 'mistral-small-latest', messages: [{ role: 'user', content: `Title for: ${a.choices[0].message.content}` }] });
  return b.choices[0].message.content;
}

module.exports = { summarize };
