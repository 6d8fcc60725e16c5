"""Embeddings and chat models specialised by subclassing the LangChain classes; built without a timeout."""
# corpus: labels llm-call-without-timeout
import math

from langchain_community.chat_models import ChatLiteLLM
from langchain_openai import OpenAIEmbeddings


class UnitEmbeddings(OpenAIEmbeddings):
    """Scales every vector to length one after the request."""

    def embed_query(self, text: str) -> list[float]:
        raw = super().embed_query(text)  # expect: blocking-llm-call
        norm = math.sqrt(sum(x * x for x in raw)) or 1.0
        return [x / norm for x in raw]


class TaggedChat(ChatLiteLLM):
    """Keeps a tag next to the LiteLLM model; the constructor is inherited."""

    tag: str = ""


class TracedChat(TaggedChat):
    """A subclass of a subclass: still a ChatLiteLLM."""

    def describe(self) -> str:
        return f"{self.tag}:{self.model}"
