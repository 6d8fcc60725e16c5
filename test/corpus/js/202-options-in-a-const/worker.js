// A Worker and an Express route that build their request options in a const before the call: the const
// is read like an inline object (no signal, no timeout), unless the code fills it in afterwards.
// corpus: labels llm-call-without-timeout
import OpenAI from 'openai';

const settings = { apiKey: process.env.OPENAI_API_KEY };
const openai = new OpenAI(settings); // expect: llm-call-without-timeout

const bounded = { apiKey: process.env.OPENAI_API_KEY, timeout: 20_000, maxRetries: 1 };
const quick = new OpenAI(bounded);

export default {
  async fetch(request, env) {
    const { prompt } = await request.json();
    const url = 'https://api.openai.com/v1/chat/completions';
    const requestOptions = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${env.OPENAI_API_KEY}` },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }),
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await fetch(url, requestOptions); // expect: llm-call-without-timeout
      if (response.ok) return new Response(await response.text());
    }
    return new Response('upstream failed', { status: 502 });
  },
};

export async function summarize(text) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
  const s = await quick.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: r.choices[0].message.content }] });
  return s.choices[0].message.content;
}

export async function withSignal(prompt, key) {
  const init = {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}` },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }),
  };
  init.signal = AbortSignal.timeout(30_000);
  for (let attempt = 0; ; attempt++) {
    const res = await fetch('https://api.openai.com/v1/chat/completions', init);
    if (res.ok || attempt === 2) return res.json();
  }
}
