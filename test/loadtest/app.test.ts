// Starting the user's app for a run: waits until it listens, passes the mock LLM's environment, stops
// the whole process group, and explains an app that exits or a port already taken.

import * as assert from 'assert';
import * as net from 'net';
import { startApp } from '../../src/loadtest/app';
import { checkReachable } from '../../src/loadtest/run';
import { freePort } from '../helpers/servers';

const SERVER = `require('http').createServer((q, s) => s.end(process.env.LOOPSAFE_PROBE || 'none')).listen(Number(process.env.PORT), '127.0.0.1')`;

describe('app command', function () {
  this.timeout(30_000);

  it('starts the app with the given environment, waits for its port and stops its process group', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    // A shell that starts a child: stopping must reach the grandchild too.
    const app = await startApp({ command: `${JSON.stringify(process.execPath)} -e ${JSON.stringify(SERVER)} & wait`, cwd: process.cwd(), env: { PORT: String(port), LOOPSAFE_PROBE: 'mocked' }, url });
    assert.strictEqual(await (await fetch(url)).text(), 'mocked');
    await app.stop();
    await new Promise((r) => setTimeout(r, 200));
    assert.match((await checkReachable(url, 500)) ?? '', /refused/);
  });

  it('reports an app that exits early, and a port that is already taken', async () => {
    const port = await freePort();
    await assert.rejects(startApp({ command: 'echo starting; exit 3', cwd: process.cwd(), env: {}, url: `http://127.0.0.1:${port}/`, timeoutMs: 5000 }), /exited before listening[\s\S]*starting/);
    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const p = (taken.address() as net.AddressInfo).port;
    try {
      await assert.rejects(startApp({ command: 'sleep 5', cwd: process.cwd(), env: {}, url: `http://127.0.0.1:${p}/` }), /already listens/);
    } finally {
      taken.close();
    }
  });
});
