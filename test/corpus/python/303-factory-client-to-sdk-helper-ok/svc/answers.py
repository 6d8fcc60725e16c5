"""Answer helpers: they take the SDK client the route hands them."""
# corpus: labels llm-call-without-timeout
from anthropic import Anthropic
from openai import OpenAI


def answer(question: str, client: OpenAI) -> str:
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    return reply.choices[0].message.content or ""


def critique(text: str, claude: Anthropic) -> str:
    reply = claude.messages.create(model="claude-sonnet-4-5", max_tokens=400, messages=[{"role": "user", "content": f"Critique: {text}"}], timeout=30.0)
    return reply.content[0].text
