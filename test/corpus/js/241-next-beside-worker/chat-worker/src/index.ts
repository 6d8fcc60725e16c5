// The Worker's own calls: a Worker has no wall-clock limit while its client stays connected (cpu_ms counts
// CPU time, not time spent waiting on the model), so neither client has a limit to exceed here.
import Anthropic from '@anthropic-ai/sdk';

export interface Env {
  ANTHROPIC_API_KEY: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { prompt, quick } = (await request.json()) as { prompt: string; quick?: boolean };
    const anthropic = new Anthropic({ apiKey: env.ANTHROPIC_API_KEY, ...(quick ? { timeout: 20_000 } : {}) });
    const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: prompt }] });
    return Response.json(msg.content);
  },
};
