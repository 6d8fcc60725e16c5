// NestJS service whose clients are class fields: built when the service is, used as `this.<field>` by every
// request. The default OpenAI client waits 600 s per attempt; a field with its own timeout is bounded.
// corpus: labels llm-call-without-timeout, llm-http-without-retry
import { Injectable } from '@nestjs/common';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';

@Injectable()
export class AssistantService {
  private readonly openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY }); // expect: llm-call-without-timeout
  #claude = new Anthropic({ timeout: 45_000 });
  private model = 'gpt-4o-mini';

  async answer(question: string): Promise<string> {
    const r = await this.openai.chat.completions.create({ model: this.model, messages: [{ role: 'user', content: question }] });
    return r.choices[0].message.content ?? '';
  }

  async review(text: string): Promise<string> {
    const m = await this.#claude.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 512, messages: [{ role: 'user', content: text }] });
    return m.content[0].type === 'text' ? m.content[0].text : '';
  }
}
