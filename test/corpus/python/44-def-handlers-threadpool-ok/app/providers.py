import cohere
import ollama
from anthropic import Anthropic
from google import genai
from mistralai import Mistral
from openai import OpenAI

openai_client = OpenAI()
anthropic_client = Anthropic()
gemini = genai.Client()
mistral = Mistral(api_key="x")
co = cohere.ClientV2()


def ask_all(q: str) -> dict[str, str]:
    msgs = [{"role": "user", "content": q}]
    return {
        "openai": openai_client.chat.completions.create(model="gpt-4o-mini", messages=msgs).choices[0].message.content,
        "claude": anthropic_client.messages.create(model="claude-3-5-haiku-latest", max_tokens=200, messages=msgs).content[0].text,
        "gemini": gemini.models.generate_content(model="gemini-2.5-flash", contents=q).text,
        "mistral": mistral.chat.complete(model="mistral-small-latest", messages=msgs).choices[0].message.content,
        "cohere": co.chat(model="command-r", messages=msgs).message.content[0].text,
        "ollama": ollama.chat(model="llama3.2", messages=msgs)["message"]["content"],
    }
