// The vector store the chain retrieves from (built once at startup).
import { MemoryVectorStore } from 'langchain/vectorstores/memory';
import { OpenAIEmbeddings } from 'langchain/embeddings/openai';

export const store = await MemoryVectorStore.fromTexts(['Loopsafe finds blocking LLM calls.'], [{ id: 1 }], new OpenAIEmbeddings({ timeout: 15_000 }));
