// The "Suppress on this line" edit adds or extends the ignore comment, and the result suppresses.

import * as assert from 'assert';
import { applyEdits, isSuppressed, suppressionEdit } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';
import { nodeVerdict, pythonVerdicts } from '../helpers/syntax-check';

describe('suppression edits', () => {
  it('adds a Python comment and a JS comment', () => {
    const py = 'x = call()\n';
    const fixed = applyEdits(py, [suppressionEdit('/f.py', py, 'python', 0, 'blocking-llm-call')!]);
    assert.strictEqual(fixed, 'x = call()  # loopsafe: ignore[blocking-llm-call]\n');
    assert.ok(isSuppressed(fixed.split('\n'), 0, 'blocking-llm-call'));
    const js = 'call();\n';
    assert.strictEqual(applyEdits(js, [suppressionEdit('/f.ts', js, 'typescript', 0, 'unawaited-llm-call')!]), 'call();  // loopsafe: ignore[unawaited-llm-call]\n');
  });

  it('extends an existing list instead of adding a second comment', () => {
    const py = 'x = call()  # loopsafe: ignore[blocking-llm-call]\n';
    const fixed = applyEdits(py, [suppressionEdit('/f.py', py, 'python', 0, 'await-on-sync-call')!]);
    assert.strictEqual(fixed, 'x = call()  # loopsafe: ignore[blocking-llm-call, await-on-sync-call]\n');
    assert.ok(isSuppressed(fixed.split('\n'), 0, 'await-on-sync-call'));
    assert.ok(!isSuppressed(fixed.split('\n'), 0, 'unawaited-llm-call'));
  });

  it('puts the comment where it is a real comment: not after a backslash, not inside a string or template', async () => {
    const engine = await testEngine();
    const head = 'import openai\nfrom fastapi import FastAPI\nclient = openai.OpenAI(timeout=30)\napp = FastAPI()\n\n@app.post("/chat")\nasync def chat(q: str):\n';
    const py = [
      // The call's line ends with a line-continuing backslash.
      '    r = client.chat.completions.create(model="m", \\\n        messages=[])\n    return r\n',
      // The call's line ends inside a triple-quoted string.
      '    r = client.chat.completions.create(model="m", messages=[{"content": """\nhello (\n"""}])\n    return r\n',
      // The call's line is in the middle of backslash-joined lines.
      '    r = 1 + \\\n        len(client.chat.completions.create(model="m", \\\n        messages=[]).choices)\n    return r\n',
    ];
    const fixed: string[] = [];
    for (const [i, body] of py.entries()) {
      const file = `/suppress/case_${i}.py`;
      const text = head + body;
      const f = engine.analyze(file, text).findings.find((x) => x.rule === 'blocking-llm-call');
      assert.ok(f, `finding in case ${i}`);
      const edit = engine.suppressionEdit(file, text, f.range.start.line, 'blocking-llm-call');
      assert.ok(edit, `an edit in case ${i}`);
      const out = applyEdits(text, [edit]);
      fixed.push(out);
      assert.ok(!engine.analyze(`/suppress/case_${i}_fixed.py`, out).findings.some((x) => x.rule === 'blocking-llm-call'), `case ${i} still reported:\n${out}`);
      assert.ok(out.includes('"""\nhello (\n"""') || i !== 1, `the string is unchanged:\n${out}`);
    }
    (await pythonVerdicts(fixed)).forEach((v, i) => assert.strictEqual(v, undefined, `case ${i}: ${v}\n${fixed[i]}`));

    const js = [
      "const express = require('express');",
      "const OpenAI = require('openai');",
      'const client = new OpenAI({ timeout: 30000 });',
      'const app = express();',
      "app.post('/chat', async (req, res) => {",
      "  const r = client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: `hi",
      '${req.body.q}` }] });',
      '  res.json(r.choices);',
      '});',
      '',
    ].join('\n');
    const f = engine.analyze('/suppress/server.js', js).findings.find((x) => x.rule === 'unawaited-llm-call');
    assert.ok(f, 'JS finding');
    const edit = engine.suppressionEdit('/suppress/server.js', js, f.range.start.line, 'unawaited-llm-call');
    assert.ok(edit);
    const out = applyEdits(js, [edit]);
    assert.ok(out.includes('content: `hi\n${req.body.q}`'), `the template is unchanged:\n${out}`);
    assert.strictEqual(nodeVerdict(out), undefined, out);
    assert.ok(!engine.analyze('/suppress/server_fixed.js', out).findings.some((x) => x.rule === 'unawaited-llm-call'), out);
  });

  it('offers no edit when the line starts and ends inside strings', async () => {
    const engine = await testEngine();
    const text = 'x = """a\n""" + str(1) + """b\n"""\n';
    assert.strictEqual(engine.suppressionEdit('/suppress/strings.py', text, 1, 'blocking-llm-call'), undefined);
  });
});
