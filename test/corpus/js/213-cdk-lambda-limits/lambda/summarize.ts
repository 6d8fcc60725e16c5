// Lambda without a timeout in the stack: CloudFormation's 3 s default stops it long before a 20 s attempt.
// corpus: labels timeout-exceeds-server-limit
import OpenAI from 'openai';

const openai = new OpenAI({ timeout: 20_000, maxRetries: 0 });

export const handler = async (event: { text: string }) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Summarize: ${event.text}` }] }); // expect: timeout-exceeds-server-limit
  return { summary: r.choices[0].message.content };
};
