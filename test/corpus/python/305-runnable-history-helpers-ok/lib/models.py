"""The chat model and the history wrapper every chain of the service shares."""
# corpus: labels llm-call-without-timeout
from langchain_core.chat_history import InMemoryChatMessageHistory
from langchain_core.runnables.history import RunnableWithMessageHistory
from langchain_openai import ChatOpenAI

# Bounded: 30 s per attempt.
chat_model = ChatOpenAI(model="gpt-4o-mini", temperature=0, timeout=30, max_retries=2)

_histories: dict[str, InMemoryChatMessageHistory] = {}


def get_history(session_id: str) -> InMemoryChatMessageHistory:
    return _histories.setdefault(session_id, InMemoryChatMessageHistory())


def with_history(runnable, input_key: str):
    return RunnableWithMessageHistory(
        runnable,
        get_history,
        input_messages_key=input_key,
        history_messages_key="history",
    )
