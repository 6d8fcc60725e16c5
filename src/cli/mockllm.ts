// `loopsafe mock-llm`: the OpenAI/Anthropic-compatible mock upstream from the command line, running
// until Ctrl-C, with latency, time to first token, chunking and error injection from flags.

import { parseDuration } from '../loadtest/options';
import { MOCK_DEFAULTS, startMockLlm } from '../mockllm/server';
import { CliUsageError, integer, takeValue, wrap } from './loadtest';

export const MOCK_HELP = `loopsafe mock-llm [--port 8100] [--host 127.0.0.1] [--latency 200ms] [--ttft 100ms] [--chunks 8] [--error-rate 0] [--retry-after 1]
OpenAI-compatible (/v1/chat/completions, /v1/completions, /v1/embeddings, /v1/models) and Anthropic (/v1/messages) mock,
JSON and SSE. Point your app at it: OPENAI_BASE_URL=http://127.0.0.1:8100/v1 ANTHROPIC_BASE_URL=http://127.0.0.1:8100`;

export async function mockLlmCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(MOCK_HELP + '\n');
    return 0;
  }
  const o = { ...MOCK_DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i].split('=')[0];
    let v: string;
    switch (flag) {
      case '--port':
        [v, i] = takeValue(argv, i, flag);
        o.port = integer(v, flag);
        break;
      case '--host':
        [v, i] = takeValue(argv, i, flag);
        o.host = v;
        break;
      case '--latency':
        [v, i] = takeValue(argv, i, flag);
        o.latencyMs = wrap(() => parseDuration(v, 'latency'));
        break;
      case '--ttft':
        [v, i] = takeValue(argv, i, flag);
        o.ttftMs = wrap(() => parseDuration(v, 'time to first token'));
        break;
      case '--chunks':
        [v, i] = takeValue(argv, i, flag);
        o.chunks = integer(v, flag);
        break;
      case '--error-rate':
        [v, i] = takeValue(argv, i, flag);
        o.errorRate = Number(v);
        if (!Number.isFinite(o.errorRate)) throw new CliUsageError(`--error-rate takes a number between 0 and 1, not "${v}"`);
        break;
      case '--retry-after':
        [v, i] = takeValue(argv, i, flag);
        o.retryAfterS = integer(v, flag);
        break;
      default:
        throw new CliUsageError(`unknown option ${argv[i]}\n\n${MOCK_HELP}`);
    }
  }
  let mock;
  try {
    mock = await startMockLlm(o);
  } catch (err) {
    throw new CliUsageError(err instanceof Error ? err.message : String(err));
  }
  process.stdout.write(
    `Loopsafe mock LLM listening on ${mock.url} (latency ${o.latencyMs} ms, first token ${Math.min(o.ttftMs, o.latencyMs)} ms, ${o.chunks} chunks, error rate ${o.errorRate})\n` +
      `  OPENAI_BASE_URL=${mock.url}/v1  ANTHROPIC_BASE_URL=${mock.url}\nCtrl-C stops it.\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await mock.close();
  return 0;
}
