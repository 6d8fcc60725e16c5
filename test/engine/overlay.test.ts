// A per-file overlay of the Python index (a file analysed with a summary the index lacks) shares its
// base's call graph and works out again only what the replaced file can change: every answer must be
// the one an index built from scratch, with that summary listed last, gives.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { discoverFiles } from '../../src/engine/api';
import { PyIndex } from '../../src/engine/index/python-index';
import type { PyFileSummary } from '../../src/engine/index/python-summary';
import { testEngine } from '../helpers/engine';

function stub(file: string): PyFileSummary {
  return { file, imports: {}, functions: {}, clients: {}, factories: {}, instances: {} };
}

/** What the rules ask the index about every function and edge of the workspace, as one comparable value. */
function answers(index: PyIndex, summaries: PyFileSummary[]): string[] {
  const out: string[] = [];
  const hops = (h: Array<{ file: string; name: string; range: { start: { line: number } } }> | undefined) => (h ? h.map((x) => `${x.file}:${x.name}:${x.range.start.line}`).join('>') : '-');
  for (const s of summaries) {
    for (const [name, fn] of Object.entries(s.functions)) {
      const ref = { file: s.file, name };
      out.push(`${s.file}#${name} l${hops(index.loopChain(ref))} b${hops(index.blockingChain(ref))} i${hops(index.ioChain(ref))} c${hops(index.coroutineChain(ref))} s${index.onServer(ref)} w${index.runByAsyncCaller(ref)} h${JSON.stringify(index.handlersReaching(ref))}`);
      for (const e of fn.calls) out.push(`  ${e.target} -> ${index.targetsOf(s.file, e.target).map((t) => `${t.file}#${t.name}`).join(',')}`);
    }
    const routes = index.routesTo(s.file);
    if (routes.length > 0) out.push(`${s.file} routes ${JSON.stringify(routes)}`);
    const uses = index.usesOfClientsIn(s.file);
    if (uses) out.push(`${s.file} uses ${JSON.stringify([...uses])}`);
  }
  return out;
}

describe('python index overlays', function () {
  this.timeout(120_000);

  it('answer as an index built from scratch with the replaced summary listed last (corpus files, stubbed, swapped, with base classes)', async () => {
    const engine = await testEngine();
    const root = path.resolve(__dirname, '../../../test/corpus/python');
    // A few dozen apps: helpers across modules, class hierarchies, clients built elsewhere, re-exports, and a route
    // table and an app factory storing objects on the app, named (the sample shifts as apps are added).
    const apps = fs.readdirSync(root).sort().filter((app, i) => i % 4 === 0 || ['37-django-async-views', '396-flask-factory-managers-limit'].includes(app));
    const summaries: PyFileSummary[] = [];
    for (const app of apps) {
      for (const file of discoverFiles([path.join(root, app)], { excludedDirs: new Set(['__pycache__']) }).files.sort()) {
        if (!file.endsWith('.py')) continue;
        const s = engine.summarize(file, fs.readFileSync(file, 'utf8'));
        if (s) summaries.push(s);
      }
    }
    // Summarized again against the index, as the workspace does, so clients and helpers cross modules.
    const first = new PyIndex(summaries);
    const settled = summaries.map((s) => engine.summarize(s.file, fs.readFileSync(s.file, 'utf8'), first) ?? s);
    assert.ok(settled.length > 60, `${settled.length} summaries`);
    assert.ok(settled.some((s) => s.bases && Object.keys(s.bases).length > 0), 'some class hierarchy');
    assert.ok(settled.some((s) => Object.values(s.functions).some((f) => f.direct.some((d) => d.via))), 'some client built in another file');
    assert.ok(settled.some((s) => s.routes && s.routes.length > 0), 'some route table');
    assert.ok(settled.some((s) => s.appAttributes && Object.keys(s.appAttributes).length > 0), 'some object stored on an app');

    let checked = 0;
    const withFunctions = settled.filter((s) => Object.keys(s.functions).length > 0);
    for (let k = 0; k < withFunctions.length; k += 3) {
      const real = withFunctions[k];
      const other = withFunctions[(k * 7 + 5) % withFunctions.length];
      // The index lacks the file (a stub), holds it while the analysis sees none, or sees another body.
      const cases: Array<[PyFileSummary, PyFileSummary]> = [
        [stub(real.file), real],
        [real, stub(real.file)],
        [real, { ...other, file: real.file }],
      ];
      for (const [inBase, analysed] of cases) {
        const listed = settled.map((s) => (s.file === real.file ? inBase : s));
        const base = new PyIndex(listed);
        // The base answers first (its call graph and memos exist, as in a workspace scan).
        answers(base, listed);
        const overlay = base.overlay(analysed);
        const fresh = new PyIndex([...listed.filter((s) => s.file !== real.file), analysed]);
        const order = [...listed.filter((s) => s.file !== real.file), analysed];
        assert.deepStrictEqual(answers(overlay, order), answers(fresh, order), `overlay of ${real.file}`);
        checked++;
      }
    }
    assert.ok(checked > 30, `${checked} overlays checked`);
  });

  it('a subclass the replaced file adds (or drops) changes where calls of an abstract method go, in every file', () => {
    const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 1 } });
    const fn = (name: string, extra: object = {}) => ({ name, isAsync: false, isGenerator: false, range: at(1), direct: [], calls: [], ...extra });
    const base = { ...stub('/w/pkg/base.py'), functions: { 'Base.ask': fn('Base.ask', { abstract: true }) } };
    const impl = {
      ...stub('/w/pkg/impl.py'),
      bases: { Impl: ['import:pkg.base.Base'] },
      functions: { 'Impl.ask': fn('Impl.ask', { direct: [{ text: 'client.chat.completions.create(...)', range: at(3), sdk: 'openai', async: false, usage: 'discarded' }] }) },
    };
    const main = { ...stub('/w/app/main.py'), functions: { handler: fn('handler', { isAsync: true, calls: [{ target: 'import:pkg.base.Base.ask', range: at(7), usage: 'discarded' }] }) } };
    for (const [inBase, analysed] of [
      [stub(impl.file), impl],
      [impl, stub(impl.file)],
    ] as Array<[PyFileSummary, PyFileSummary]>) {
      const listed = [base, inBase, main];
      const index = new PyIndex(listed);
      answers(index, listed);
      const order = [base, main, analysed];
      const overlay = index.overlay(analysed);
      assert.deepStrictEqual(answers(overlay, order), answers(new PyIndex(order), order));
    }
    // The case that matters: the handler reaches the subclass's blocking call only through the overlay's relation.
    const overlay = new PyIndex([base, stub(impl.file), main]).overlay(impl);
    assert.deepStrictEqual(overlay.targetsOf(main.file, 'import:pkg.base.Base.ask'), [{ file: impl.file, name: 'Impl.ask' }]);
    assert.ok(overlay.loopChain({ file: impl.file, name: 'Impl.ask' }));
  });

  it('an object the replaced file stores on an app (or stops storing) changes where `current_app.x.method()` calls go', () => {
    const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 1 } });
    const fn = (name: string, extra: object = {}) => ({ name, isAsync: false, isGenerator: false, range: at(1), direct: [], calls: [], ...extra });
    const svc = { ...stub('/w/svc.py'), functions: { 'ChatService.ask': fn('ChatService.ask', { direct: [{ text: 'client.chat.completions.create(...)', range: at(3), sdk: 'openai', async: false, usage: 'discarded' }] }) } };
    const factory = { ...stub('/w/app/factory.py'), appAttributes: { chat: 'import:svc.ChatService' } };
    const views = { ...stub('/w/app/views.py'), functions: { handler: fn('handler', { isAsync: true, calls: [{ target: 'app:chat.ask', range: at(7), usage: 'discarded' }] }) } };
    for (const [inBase, analysed] of [
      [stub(factory.file), factory],
      [factory, stub(factory.file)],
    ] as Array<[PyFileSummary, PyFileSummary]>) {
      const listed = [svc, inBase, views];
      const index = new PyIndex(listed);
      answers(index, listed);
      const order = [svc, views, analysed];
      assert.deepStrictEqual(answers(index.overlay(analysed), order), answers(new PyIndex(order), order));
    }
    const overlay = new PyIndex([svc, stub(factory.file), views]).overlay(factory);
    assert.deepStrictEqual(overlay.targetsOf(views.file, 'app:chat.ask'), [{ file: svc.file, name: 'ChatService.ask' }]);
  });
});
