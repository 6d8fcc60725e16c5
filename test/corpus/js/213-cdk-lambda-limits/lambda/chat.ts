// Lambda behind API Gateway: a handler class bound for export (Powertools style); the client keeps
// openai's defaults (600 s per attempt, 3 attempts), far past the function's 30 s.
// corpus: labels timeout-exceeds-server-limit
import OpenAI from 'openai';

const openai = new OpenAI();

class Chat {
  public async handler(event: { body: string }) {
    const { prompt } = JSON.parse(event.body);
    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }); // expect: timeout-exceeds-server-limit
    return { statusCode: 200, body: r.choices[0].message.content };
  }
}

const chat = new Chat();
export const handler = chat.handler.bind(chat);
