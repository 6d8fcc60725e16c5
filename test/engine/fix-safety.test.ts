// Fixes that must keep code valid where raw text would break it (comments, trailing commas, multi-line
// arguments, strings with parentheses), each result judged by CPython's own compiler.

import * as assert from 'assert';
import { applyEdits, type Finding } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';
import { pythonVerdicts } from '../helpers/syntax-check';

const HEAD = ['import openai', 'from fastapi import FastAPI', 'client = openai.OpenAI(timeout=30)', 'app = FastAPI()', '', '@app.post("/chat")', 'async def chat(q: str):'].join('\n');

async function findings(file: string, text: string): Promise<Finding[]> {
  const engine = await testEngine();
  return engine.analyze(file, text).findings;
}

describe('fix safety (Python compiler)', () => {
  it('to_thread keeps a comment that ends the argument list outside the call', async () => {
    const bodies = [
      '    r = client.chat.completions.create(model="m", messages=[{"role": "user", "content": q}]  # user turn\n    )\n    return r',
      '    return client.chat.completions.create(  # the call\n        model="m",\n        messages=[],  # none\n    ).choices[0]',
      '    r = client.chat.completions.create(model="m", messages=[{"content": "(a)"}],)\n    return r',
      '    r = client.chat.completions.create(model="m", \\\n        messages=[{"content": ")("}])\n    return r',
      '    r = await client.chat.completions.create(**{"model": "m"}  # kw\n    )\n    return r',
      '    r = client.chat.completions.create(\n        *[], model="m"\n        # trailing comment\n    )\n    return r',
    ];
    const fixed: string[] = [];
    for (const [i, body] of bodies.entries()) {
      const text = `${HEAD}\n${body}\n`;
      const f = (await findings(`/fixsafety/to_thread_${i}.py`, text)).find((x) => x.rule === 'blocking-llm-call' || x.rule === 'await-on-sync-call');
      assert.ok(f, `finding in case ${i}`);
      const fix = f.fixes.find((x) => x.title.includes('asyncio.to_thread'));
      assert.ok(fix, `to_thread fix in case ${i}`);
      const out = applyEdits(text, fix.edits);
      assert.match(out, /asyncio\.to_thread\(client\.chat\.completions\.create,/, `case ${i}:\n${out}`);
      fixed.push(out);
    }
    const verdicts = await pythonVerdicts(fixed);
    verdicts.forEach((v, i) => assert.strictEqual(v, undefined, `case ${i} does not compile: ${v}\n${fixed[i]}`));
    // The finding is gone.
    for (const [i, out] of fixed.entries()) {
      const after = await findings(`/fixsafety/to_thread_${i}_fixed.py`, out);
      assert.ok(!after.some((x) => x.rule === 'blocking-llm-call' || x.rule === 'await-on-sync-call'), `case ${i} still reported:\n${out}`);
    }
  });

  it('async variant imports its name after the last imported name (trailing comma, comment before `)`)', async () => {
    const heads = ['from litellm import (\n    completion,  # sync\n)', 'from litellm import (completion,)', 'from litellm import (\n    completion\n    # more later\n)'];
    const fixed: string[] = [];
    for (const [i, head] of heads.entries()) {
      const text = `${head}\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.post("/chat")\nasync def chat(q: str):\n    return completion(model="m", messages=[], timeout=30)\n`;
      const f = (await findings(`/fixsafety/variant_${i}.py`, text)).find((x) => x.rule === 'blocking-llm-call');
      assert.ok(f, `finding in case ${i}`);
      const fix = f.fixes.find((x) => x.title.includes('acompletion'));
      assert.ok(fix, `acompletion fix in case ${i}: ${f.fixes.map((x) => x.title)}`);
      fixed.push(applyEdits(text, fix.edits));
    }
    const verdicts = await pythonVerdicts(fixed);
    verdicts.forEach((v, i) => assert.strictEqual(v, undefined, `case ${i} does not compile: ${v}\n${fixed[i]}`));
  });
});
