"""A chat service that opens model streams on the loop and reads them in worker threads."""
import asyncio
from typing import Iterable

import cohere
import ollama
from google import genai
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI


class ChatService:
    def __init__(self, api_key: str):
        self.client = genai.Client(api_key=api_key, http_options={"timeout": 30_000})
        self.co = cohere.ClientV2(api_key=api_key, timeout=30)
        prompt = ChatPromptTemplate.from_template("Answer briefly: {q}")
        self.chain = prompt | ChatOpenAI(model="gpt-4o-mini", timeout=30) | StrOutputParser()

    def _open_stream(self, prompt: str):
        # Returns the SDK's generator unstarted: the request goes out in whichever thread iterates it.
        response = self.client.models.generate_content_stream(model="gemini-2.0-flash", contents=prompt)
        return response

    async def _drain(self, stream: Iterable) -> list:
        return await asyncio.to_thread(list, stream)

    async def answer(self, prompt: str) -> str:
        stream = self._open_stream(prompt)
        chunks = await self._drain(stream)
        return "".join(c.text or "" for c in chunks)

    async def answer_cohere(self, prompt: str) -> str:
        events = self.co.chat_stream(model="command-r-plus", messages=[{"role": "user", "content": prompt}])
        done = await asyncio.to_thread(list, events)
        return "".join(e.delta.message.content.text for e in done if e.type == "content-delta")

    def chain_stream(self, q: str):
        return self.chain.stream({"q": q})

    def ollama_stream(self, q: str):
        return ollama.chat(model="llama3.2", messages=[{"role": "user", "content": q}], stream=True)
