// Every rule's docs are complete, and its Example must report the rule while Use-instead must not.

import * as assert from 'assert';
import * as path from 'path';
import { RULES, renderRuleDocs } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';

describe('rule docs', () => {
  for (const rule of RULES.values()) {
    describe(rule.id, () => {
      it('has every docs section', () => {
        const md = renderRuleDocs(rule);
        for (const heading of ['## What it does', '## Why is this bad?', '## Example', '## Use instead', '## Fix safety']) {
          assert.ok(md.includes(heading), `${rule.id}: ${heading}`);
        }
        assert.ok(rule.summary.length > 20, 'summary');
        assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
      });

      const ext = path.extname(rule.exampleFile ?? 'example.py');
      const checked = ext === '.py' ? rule.checkPython : rule.checkJs;
      it('has a check for the language of its Example', () => assert.ok(checked, `${rule.id}: no check for ${ext}`));
      if (checked) {
        it('Example reports the rule and Use instead does not', async () => {
          const engine = await testEngine();
          const example = engine.analyze(`/docs/${rule.id}/example${ext}`, rule.docs.example);
          assert.ok(example.findings.some((f) => f.rule === rule.id), `${rule.id}: Example must report it; got ${example.findings.map((f) => f.rule).join(', ') || 'nothing'}`);
          const fixed = engine.analyze(`/docs/${rule.id}/use_instead${ext}`, rule.docs.useInstead);
          assert.deepStrictEqual(fixed.findings.map((f) => `${f.rule}: ${f.message}`), [], `${rule.id}: Use instead must be clean`);
        });
      }
    });
  }
});
