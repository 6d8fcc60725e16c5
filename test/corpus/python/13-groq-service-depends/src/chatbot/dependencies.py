import os

from .llm_service import ChatService

_service: ChatService | None = None


def get_chat_service() -> ChatService:
    global _service
    if _service is None:
        _service = ChatService(api_key=os.environ["GROQ_API_KEY"])
    return _service
