"""Builds the chat model the service is configured for."""
# corpus: labels llm-call-without-timeout
import os

from langchain_openai import ChatOpenAI


class ModelProvider:
    def __init__(self) -> None:
        self.model_name = os.getenv("MODEL_NAME", "gpt-4o-mini")
        self.temperature = float(os.getenv("TEMPERATURE", "0.2"))

    def get_model(self):
        return self._build_openai()

    def _build_openai(self):
        # LangChain passes timeout=None to openai: no limit.
        return ChatOpenAI(model=self.model_name, temperature=self.temperature)  # expect: llm-call-without-timeout
