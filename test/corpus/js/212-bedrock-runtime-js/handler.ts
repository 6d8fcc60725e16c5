// Lambda handlers calling Bedrock with the AWS SDK v3 runtime client: its default Node http handler sets no
// request timeout, so a stalled Converse waits as long as the socket stays open (3 attempts).
// A client wrapped for tracing is the same client: calls through it are judged against its constructor.
// corpus: labels llm-call-without-timeout
import { BedrockRuntimeClient, BedrockRuntime, ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Tracer } from '@aws-lambda-powertools/tracer';

const tracer = new Tracer({ serviceName: 'chat' });
const client = new BedrockRuntimeClient({ region: 'us-east-1' }); // expect: llm-call-without-timeout
const bounded = new BedrockRuntimeClient({ region: 'us-east-1', requestHandler: new NodeHttpHandler({ requestTimeout: 30_000 }) });
const quick = new BedrockRuntimeClient({ requestHandler: { requestTimeout: 20_000 } });
const traced = tracer.captureAWSv3Client(new BedrockRuntimeClient({ region: 'us-east-1' }));
const aggregated = new BedrockRuntime({}); // expect: llm-call-without-timeout

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';

export const handler = async (event: { prompt: string }) => {
  const out = await client.send(new ConverseCommand({ modelId: MODEL, messages: [{ role: 'user', content: [{ text: event.prompt }] }] }));
  return { statusCode: 200, body: out.output?.message?.content?.[0]?.text ?? '' };
};

export const summarize = async (event: { text: string }) => {
  const a = await bounded.send(new InvokeModelCommand({ modelId: MODEL, body: JSON.stringify({ prompt: event.text }) }));
  const b = await quick.send(new ConverseCommand({ modelId: MODEL, messages: [{ role: 'user', content: [{ text: event.text }] }] }));
  return { statusCode: 200, body: JSON.stringify([a.body, b.output]) };
};

export const tracedChat = async (event: { prompt: string }) => {
  // Every call through the traced client carries its own abort signal.
  const r = await traced.send(new ConverseCommand({ modelId: MODEL, messages: [{ role: 'user', content: [{ text: event.prompt }] }] }), { abortSignal: AbortSignal.timeout(20_000) });
  return { statusCode: 200, body: JSON.stringify(r.output) };
};

export const direct = async (event: { prompt: string }) => {
  const r = await aggregated.converse({ modelId: MODEL, messages: [{ role: 'user', content: [{ text: event.prompt }] }] });
  return { statusCode: 200, body: JSON.stringify(r.output) };
};
