// A second shared model whose request options bound every call made through it.
import { GoogleGenerativeAI } from '@google/generative-ai';

const client = new GoogleGenerativeAI(process.env.GEMINI_API_KEY ?? '');

export default client.getGenerativeModel({ model: 'gemini-1.5-pro' }, { timeout: 25_000 });
