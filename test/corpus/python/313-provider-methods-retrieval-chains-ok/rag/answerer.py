"""Answers questions over the policy documents with a retrieval chain, without blocking the loop."""
from langchain.chains import create_retrieval_chain
from langchain.chains.combine_documents import create_stuff_documents_chain
from langchain_community.retrievers import BM25Retriever
from langchain_core.prompts import ChatPromptTemplate

from rag.providers import ModelProvider

PROMPT = ChatPromptTemplate.from_template("Answer from the context only.\n<context>{context}</context>\nQuestion: {input}")


class Answerer:
    def __init__(self, texts: list[str]) -> None:
        self.llm = ModelProvider().get_model()
        self.retriever = BM25Retriever.from_texts(texts)

    def _chain(self):
        documents_chain = create_stuff_documents_chain(llm=self.llm, prompt=PROMPT)
        return create_retrieval_chain(self.retriever, documents_chain)

    async def answer(self, question: str) -> str:
        result = await self._chain().ainvoke({"input": question})
        return result["answer"]

    def answer_sync(self, question: str) -> str:
        return self._chain().invoke({"input": question})["answer"]
