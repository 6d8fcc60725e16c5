// A LangChain chain with message history around ChatOpenAI (no timeout, 4 attempts): the wrapper keeps the
// model's policy, which outlasts the function's 60 s.
import { ChatOpenAI } from '@langchain/openai';
import { ChatPromptTemplate, MessagesPlaceholder } from '@langchain/core/prompts';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { RunnableWithMessageHistory } from '@langchain/core/runnables';
import { ChatMessageHistory } from 'langchain/stores/message/in_memory';

const model = new ChatOpenAI({ model: 'gpt-4o-mini', maxRetries: 3 });
const prompt = ChatPromptTemplate.fromMessages([['system', 'You are a helpful assistant.'], new MessagesPlaceholder('history'), ['human', '{input}']]);
const histories = new Map<string, ChatMessageHistory>();

const chain = new RunnableWithMessageHistory({
  runnable: prompt.pipe(model).pipe(new StringOutputParser()),
  inputMessagesKey: 'input',
  historyMessagesKey: 'history',
  getMessageHistory: (id: string) => histories.get(id) ?? histories.set(id, new ChatMessageHistory()).get(id)!,
});

export const handler = async (event: { arguments: { id: string; message: string } }) => {
  return chain.invoke({ input: event.arguments.message }, { configurable: { sessionId: event.arguments.id } }); // expect: timeout-exceeds-server-limit
};
