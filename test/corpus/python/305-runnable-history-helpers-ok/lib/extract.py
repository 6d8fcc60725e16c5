"""Extracts the fields of an intake message (sync: LangChain's invoke)."""
from langchain_core.prompts import ChatPromptTemplate, MessagesPlaceholder
from pydantic import BaseModel

from lib.models import chat_model, with_history

extract_prompt = ChatPromptTemplate.from_messages([
    ("system", "Extract the caller's name and request."),
    MessagesPlaceholder("history"),
    ("user", "{input}"),
])


class Fields(BaseModel):
    name: str
    request: str


def extract_fields(text: str, session_id: str) -> Fields:
    runnable = extract_prompt | chat_model.with_structured_output(Fields)
    chain = with_history(runnable, "input")
    return chain.invoke({"input": text}, config={"configurable": {"session_id": session_id}})


async def aextract_fields(text: str, session_id: str) -> Fields:
    runnable = extract_prompt | chat_model.with_structured_output(Fields)
    chain = with_history(runnable, "input")
    return await chain.ainvoke({"input": text}, config={"configurable": {"session_id": session_id}})
