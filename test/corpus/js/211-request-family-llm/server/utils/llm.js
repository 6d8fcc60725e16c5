// LLM helpers built on request-promise: one bare call, one bounded and retried, one to a non-LLM API.
const rp = require('request-promise');

const OPENAI = 'https://api.openai.com/v1/chat/completions';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function complete(prompt) {
  var options = {
    method: 'POST',
    uri: OPENAI,
    headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` },
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] },
    json: true,
  };
  const res = await rp(options); // expect: llm-call-without-timeout, llm-http-without-retry
  return res.choices[0].message.content;
}

async function completeBounded(prompt) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await rp({
        method: 'POST',
        uri: OPENAI,
        timeout: 30000,
        headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` },
        body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] },
        json: true,
      });
      return res.choices[0].message.content;
    } catch (err) {
      await sleep(1000 * 2 ** attempt);
    }
  }
  throw new Error('upstream failed');
}

async function starsOf(repo) {
  let options = { uri: `https://api.github.com/repos/${repo}`, headers: { 'User-Agent': 'x' }, json: true };
  const r = await rp(options);
  return r.stargazers_count;
}

module.exports = { complete, completeBounded, starsOf };
