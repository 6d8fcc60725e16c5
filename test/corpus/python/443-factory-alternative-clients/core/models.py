"""Chooses the chat model from the environment: a hosted one or a local one."""
# corpus: labels llm-call-without-timeout
import os

from langchain_ollama import ChatOllama
from langchain_openai import ChatOpenAI


class ModelFactory:
    def __init__(self) -> None:
        self.source = os.getenv("MODEL_SOURCE", "local")

    def build(self):
        if self.source == "openai":
            return self._hosted()
        if self.source == "azure-gateway":
            return ChatOpenAI(model="gpt-4o-mini", base_url=os.environ["GATEWAY_URL"])  # expect: llm-call-without-timeout
        return self._local()

    def _hosted(self):
        return ChatOpenAI(model="gpt-4o-mini", timeout=45)

    def _local(self):
        return ChatOllama(model="llama3.2")  # expect: llm-call-without-timeout
