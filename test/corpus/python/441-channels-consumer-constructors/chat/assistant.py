"""The assistant each websocket connection gets: settings, a local vector store and a chat model."""
import chromadb
from dotenv import load_dotenv
from langchain_openai import ChatOpenAI


class Assistant:
    def __init__(self) -> None:
        load_dotenv()  # expect: blocking-call-in-async-handler
        self.docs = chromadb.PersistentClient(path="vectors").get_or_create_collection("docs")  # expect: blocking-call-in-async-handler
        self.llm = ChatOpenAI(model="gpt-4o-mini", timeout=30)

    async def answer(self, question: str) -> str:
        reply = await self.llm.ainvoke(question)
        return reply.content
