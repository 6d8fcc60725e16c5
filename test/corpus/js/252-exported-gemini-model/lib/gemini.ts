// The Gemini model the app shares: built once here and imported by the route modules. The client takes no
// timeout; the model's request options would carry one, and none is given.
// corpus: labels llm-call-without-timeout
import { GoogleGenerativeAI } from '@google/generative-ai';

const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY ?? ''); // expect: llm-call-without-timeout

export const writer = genAI.getGenerativeModel({ model: 'gemini-1.5-flash', systemInstruction: 'Write tersely.' });

// Used here too: the defect is the model's, reported once at the client.
export async function headline(text: string): Promise<string> {
  const r = await writer.generateContent(`One-line headline for: ${text}`);
  return r.response.text();
}
