"""Look-alike of 158: the same hand-offs, bounded clients, async where the loop runs."""
# corpus: labels llm-call-without-timeout
import anthropic
from langchain_openai import ChatOpenAI


def new_client():
    return anthropic.AsyncAnthropic(timeout=30.0, max_retries=2)


summarizer_model = ChatOpenAI(model="gpt-4o-mini", timeout=20, max_retries=1)
