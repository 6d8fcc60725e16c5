// LangChain JS 0.0.x entry points: the `langchain/llms/openai` OpenAI LLM sends its requests through the
// openai v3 client (axios, no deadline) unless it is given a timeout.
// corpus: labels llm-call-without-timeout
import { OpenAI } from 'langchain/llms/openai';
import { ConversationalRetrievalQAChain } from 'langchain/chains';

const model = new OpenAI({ temperature: 0, modelName: 'gpt-3.5-turbo' }); // expect: llm-call-without-timeout
const quick = new OpenAI({ temperature: 0, timeout: 20_000 });

export async function ask(store, question, history) {
  const chain = ConversationalRetrievalQAChain.fromLLM(model, store.asRetriever());
  const res = await chain.call({ question, chat_history: history });
  return res.text;
}

export async function title(text) {
  return quick.call(`A five-word title for: ${text}`);
}
