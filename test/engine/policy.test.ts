// The effective timeout/retry policy shown in the hover: SDK defaults, constructor, with_options and
// per-call values, units (google-genai milliseconds), explicit None, and the worst-case wait.

import * as assert from 'assert';
import { testEngine } from '../helpers/engine';

const HEAD = 'import httpx\nfrom openai import OpenAI\nfrom google import genai\nfrom google.genai import types\nfrom langchain_openai import ChatOpenAI\n';

async function hoverAt(body: string, marker: string): Promise<string | undefined> {
  const engine = await testEngine();
  const text = HEAD + body;
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(marker));
  assert.ok(line >= 0, marker);
  return engine.hover('/w/policy.py', text, { line, character: lines[line].indexOf(marker) + 2 });
}

describe('effective timeout and retry policy (hover)', () => {
  it('SDK defaults: openai waits 600 s per attempt, 3 attempts, about 30 min in the worst case', async () => {
    const md = await hoverAt('c = OpenAI()\nc.chat.completions.create(model="m", messages=[])\n', 'c.chat');
    assert.ok(md);
    assert.match(md, /timeout per attempt \| 10 min \| openai default/);
    assert.match(md, /attempts \| 3 \(2 retries\)/);
    assert.match(md, /worst-case wait \| 30(\.\d)? min/);
  });

  it('constructor, with_options and per-call values, latest wins', async () => {
    const md = await hoverAt('c = OpenAI(timeout=httpx.Timeout(20, connect=5), max_retries=1)\nc.with_options(max_retries=4).chat.completions.create(model="m", messages=[], timeout=12.5)\n', 'c.with');
    assert.match(md!, /timeout per attempt \| 12\.5 s \| `timeout=12\.5`/);
    assert.match(md!, /attempts \| 5 \(4 retries\) \| `max_retries=4`/);
  });

  it('explicit None and LangChain default mean no limit', async () => {
    assert.match((await hoverAt('c = OpenAI(timeout=None)\nc.chat.completions.create(model="m", messages=[])\n', 'c.chat'))!, /timeout per attempt \| no limit/);
    assert.match((await hoverAt('llm = ChatOpenAI(model="gpt-4o")\nllm.invoke("hi")\n', 'llm.invoke'))!, /no limit/);
  });

  it('google-genai HttpOptions.timeout is milliseconds', async () => {
    const md = await hoverAt('c = genai.Client(http_options=types.HttpOptions(timeout=30))\nc.models.generate_content(model="m", contents="x")\n', 'c.models');
    assert.match(md!, /timeout per attempt \| 30 ms/);
    assert.match(md!, /milliseconds/);
  });

  it('no hover away from an LLM call', async () => {
    assert.strictEqual(await hoverAt('x = len("abc")\n', 'len'), undefined);
  });
});
