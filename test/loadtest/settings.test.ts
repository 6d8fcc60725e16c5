// Load-test settings from the editor: normalized with defaults and one problem per bad value, and
// route paths of every framework turned into URLs to test.

import * as assert from 'assert';
import { LOAD_TEST_DEFAULTS, normalizeLoadTestSettings, routeUrl, sendsBody } from '../../src/shared/loadtest-settings';
import { mockLlmEnv } from '../../src/loadtest/app';

describe('load-test settings', () => {
  it('keeps good values and replaces bad ones with defaults, naming each problem', () => {
    const good = normalizeLoadTestSettings({ baseUrl: 'http://127.0.0.1:9000/', connections: 50, durationSeconds: 5, probePath: 'ping', thresholds: ['p99<1s'], appCommand: ' uvicorn app:app ', useMockLlm: false });
    assert.strictEqual(good.settings.baseUrl, 'http://127.0.0.1:9000');
    assert.strictEqual(good.settings.probePath, '/ping');
    assert.strictEqual(good.settings.appCommand, 'uvicorn app:app');
    assert.deepStrictEqual(good.problems, []);
    const bad = normalizeLoadTestSettings({ baseUrl: 'ftp://x', connections: 0, durationSeconds: 'long', thresholds: 'p95<1s', allowRemote: 'yes' });
    assert.deepStrictEqual(
      { ...bad.settings },
      { ...LOAD_TEST_DEFAULTS },
    );
    assert.strictEqual(bad.problems.length, 5, bad.problems.join('\n'));
    assert.deepStrictEqual(normalizeLoadTestSettings('nonsense').settings, LOAD_TEST_DEFAULTS);
  });

  it('fills route parameters of FastAPI, Flask, Express and Next.js paths', () => {
    assert.strictEqual(routeUrl('http://127.0.0.1:8000', '/chat/{room_id}'), 'http://127.0.0.1:8000/chat/1');
    assert.strictEqual(routeUrl('http://127.0.0.1:8000/', '/u/<int:uid>/x'), 'http://127.0.0.1:8000/u/1/x');
    assert.strictEqual(routeUrl('http://127.0.0.1:3000', '/users/:id/posts/:post?'), 'http://127.0.0.1:3000/users/1/posts/1');
    assert.strictEqual(routeUrl('http://127.0.0.1:3000', '/api/[slug]/[...rest]'), 'http://127.0.0.1:3000/api/1/1');
    assert.strictEqual(routeUrl('http://127.0.0.1:3000', '?'), 'http://127.0.0.1:3000/');
    assert.ok(sendsBody('post') && !sendsBody('GET'));
  });

  it('points apps at the mock LLM through the SDKs’ environment variables', () => {
    const env = mockLlmEnv('http://127.0.0.1:8100');
    assert.strictEqual(env.OPENAI_BASE_URL, 'http://127.0.0.1:8100/v1');
    assert.strictEqual(env.ANTHROPIC_BASE_URL, 'http://127.0.0.1:8100');
    assert.ok(env.OPENAI_API_KEY);
  });
});
