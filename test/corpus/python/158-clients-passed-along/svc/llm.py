"""Client factories of the service."""
# corpus: labels llm-call-without-timeout
import anthropic
from langchain_openai import ChatOpenAI


def new_client():
    return anthropic.Anthropic()  # expect: llm-call-without-timeout


summarizer_model = ChatOpenAI(model="gpt-4o-mini")  # expect: llm-call-without-timeout
