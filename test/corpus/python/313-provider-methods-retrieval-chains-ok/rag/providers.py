"""Builds the chat model the service is configured for, with a bounded timeout."""
# corpus: labels llm-call-without-timeout
import os

from langchain_openai import ChatOpenAI


class ModelProvider:
    def __init__(self) -> None:
        self.model_name = os.getenv("MODEL_NAME", "gpt-4o-mini")

    def get_model(self):
        return self._build_openai()

    def _build_openai(self):
        return ChatOpenAI(model=self.model_name, temperature=0.2, timeout=30, max_retries=2)
