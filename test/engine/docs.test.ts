// Every rule's docs are complete, and its Example must report the rule while Use-instead must not.

import * as assert from 'assert';
import * as path from 'path';
import { RULES, Workspace, renderRuleDocs, type FileAnalysis } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';

describe('rule docs', () => {
  for (const rule of RULES.values()) {
    describe(rule.id, () => {
      it('can be configured in the loopsafe.rules setting', () => {
        // additionalProperties is false there, so a rule missing from the schema cannot be set without a warning.
        const pkg = require('../../../package.json') as {
          contributes: { configuration: { properties: Record<string, { properties?: Record<string, { enum?: string[] }> }> } };
        };
        const entry = pkg.contributes.configuration.properties['loopsafe.rules'].properties?.[rule.id];
        assert.deepStrictEqual(entry?.enum, ['off', 'hint', 'info', 'warning', 'error'], `${rule.id} missing from loopsafe.rules`);
      });

      it('has every docs section', () => {
        const md = renderRuleDocs(rule);
        for (const heading of ['## What it does', '## Why is this bad?', '## Example', '## Use instead', '## Fix safety']) {
          assert.ok(md.includes(heading), `${rule.id}: ${heading}`);
        }
        assert.ok(rule.summary.length > 20, 'summary');
        assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
      });

      const ext = path.extname(rule.exampleFile ?? 'example.py');
      if (rule.runtimeOnly) {
        // Its findings come from a load test (test/loadtest/runtime-attribution.test.ts, the UI test): no static
        // check may report it, and its Example is code static analysis cannot see blocking.
        it('has no static check, and static analysis finds no blocking in its Example', async () => {
          assert.ok(!rule.checkPython && !rule.checkJs);
          const ws = new Workspace(await testEngine());
          ws.upsert(`/docs/${rule.id}/main${ext}`, rule.docs.example);
          const found = ws.analyze(`/docs/${rule.id}/main${ext}`)!.findings.filter((f) => /blocking|await-on-sync/.test(f.rule) || f.rule === rule.id);
          assert.deepStrictEqual(found.map((f) => f.rule), []);
        });
        return;
      }
      const checked = ext === '.py' ? rule.checkPython : rule.checkJs;
      it('has a check for the language of its Example', () => assert.ok(checked, `${rule.id}: no check for ${ext}`));
      if (checked) {
        it('Example reports the rule and Use instead does not', async () => {
          const engine = await testEngine();
          // The Example runs in its own small workspace (with e.g. the Procfile that starts the server).
          const analyze = (name: string, text: string): FileAnalysis => {
            const ws = new Workspace(engine);
            const dir = `/docs/${rule.id}/${name}`;
            for (const [rel, content] of Object.entries(rule.exampleWorkspace ?? {})) ws.upsert(`${dir}/${rel}`, content);
            ws.upsert(`${dir}/main${ext}`, text);
            return ws.analyze(`${dir}/main${ext}`)!;
          };
          const example = analyze('example', rule.docs.example);
          assert.ok(example.findings.some((f) => f.rule === rule.id), `${rule.id}: Example must report it; got ${example.findings.map((f) => f.rule).join(', ') || 'nothing'}`);
          const fixed = analyze('use_instead', rule.docs.useInstead);
          assert.deepStrictEqual(fixed.findings.map((f) => `${f.rule}: ${f.message}`), [], `${rule.id}: Use instead must be clean`);
        });
      }
    });
  }
});
