"""Answers questions over the policy documents with a retrieval chain."""
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

    async def answer(self, question: str) -> str:
        documents_chain = create_stuff_documents_chain(llm=self.llm, prompt=PROMPT)
        chain = create_retrieval_chain(self.retriever, documents_chain)
        result = chain.invoke({"input": question})  # expect: blocking-llm-call
        return result["answer"]
