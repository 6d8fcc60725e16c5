"""Model clients and the helpers that open their streams."""
import cohere
from google import genai
from langchain_openai import ChatOpenAI
from openai import OpenAI

gemini = genai.Client(http_options={"timeout": 30_000})
co = cohere.ClientV2(timeout=30)
oai = OpenAI(timeout=30)
chat_model = ChatOpenAI(model="gpt-4o-mini", timeout=30)


def open_gemini_stream(prompt: str):
    # A generator function of the SDK: nothing is sent until someone iterates what this returns.
    return gemini.models.generate_content_stream(model="gemini-2.0-flash", contents=prompt)  # expect: blocking-llm-call


def open_gemini_stream_for(user: str, prompt: str):
    return open_gemini_stream(f"[{user}] {prompt}")


def gemini_text(prompt: str) -> str:
    return "".join(chunk.text or "" for chunk in open_gemini_stream(prompt))


def open_openai_stream(prompt: str):
    # `create(stream=True)` sends the request before it returns the Stream.
    return oai.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}], stream=True)  # expect: blocking-llm-call
