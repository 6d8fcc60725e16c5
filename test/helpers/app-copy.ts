// Mocha hooks for tests that run a real app from a fixture folder against the mock LLM: a scratch copy
// of the folder (the test may apply fixes to it), the mock started before and closed after, and the
// app the test started stopped after each test.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startMockLlm, type MockLlm, type MockLlmOptions } from '../../src/mockllm/server';
import type { RunningServer } from './servers';

export interface AppCopy {
  mock: MockLlm;
  /** The scratch copy of the fixture folder. */
  dir: string;
  /** Set by the test to the app it started; stopped after each test. */
  app: RunningServer | undefined;
  /** Environment for the app: the LLM base URL pointed at the mock, no bytecode in the copy. */
  env(): Record<string, string>;
}

export function useAppCopy(appDir: string, mockOptions: Partial<MockLlmOptions>): AppCopy {
  const t: AppCopy = {
    mock: undefined as unknown as MockLlm,
    dir: '',
    app: undefined,
    env: () => ({ LLM_BASE_URL: `${t.mock.url}/v1`, PYTHONDONTWRITEBYTECODE: '1' }),
  };
  before(async () => {
    t.mock = await startMockLlm({ port: 0, ...mockOptions });
    t.dir = fs.mkdtempSync(path.join(os.tmpdir(), `loopsafe-${path.basename(appDir)}-`));
    fs.cpSync(appDir, t.dir, { recursive: true });
  });
  afterEach(async () => {
    await t.app?.stop();
    t.app = undefined;
  });
  after(async () => {
    await t.mock?.close();
    if (t.dir) fs.rmSync(t.dir, { recursive: true, force: true });
  });
  return t;
}
