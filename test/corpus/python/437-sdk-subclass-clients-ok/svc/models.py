"""LangChain model subclasses that bound their own requests, used off the loop or awaited."""
# corpus: labels llm-call-without-timeout
from langchain_community.chat_models import ChatLiteLLM
from langchain_openai import ChatOpenAI, OpenAIEmbeddings


class BoundedEmbeddings(OpenAIEmbeddings):
    """Every instance waits at most 20 s per request, whatever the caller passes."""

    def __init__(self, **kwargs):
        kwargs.setdefault("timeout", 20)
        super().__init__(**kwargs)

    def embed_query(self, text: str) -> list[float]:
        return [round(x, 6) for x in super().embed_query(text)]


class QuickChat(ChatOpenAI):
    """A pydantic field default: the model's request timeout is 15 s."""

    request_timeout: float = 15.0


class LabelledLiteLLM(ChatLiteLLM):
    label: str = "default"
