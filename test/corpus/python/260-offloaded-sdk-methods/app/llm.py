"""A Gemini wrapper that keeps the loop free by running the sync model in the default executor."""
import asyncio

from langchain_google_genai import ChatGoogleGenerativeAI


class Gemini:
    def __init__(self):
        self.llm = ChatGoogleGenerativeAI(
            model="gemini-1.5-flash",
            timeout=None,  # expect: llm-call-without-timeout
            max_retries=2,
        )

    async def ask(self, prompt: str) -> str:
        loop = asyncio.get_running_loop()
        # The thread holds the request with no deadline at all.
        msg = await loop.run_in_executor(None, self.llm.invoke, prompt)
        return msg.content
