// Chat service: the OpenAI client injected by its class, the Groq client by a string token.
import { Inject, Injectable } from '@nestjs/common';
import OpenAI from 'openai';
import Groq from 'groq-sdk';

@Injectable()
export class ChatService {
  constructor(
    private readonly openai: OpenAI,
    @Inject('GROQ') private readonly groq: Groq,
  ) {}

  async answer(question: string): Promise<string> {
    const r = await this.openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
    return r.choices[0].message.content ?? '';
  }

  async quick(question: string): Promise<string> {
    const r = await this.groq.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: question }] });
    return r.choices[0].message.content ?? '';
  }
}
