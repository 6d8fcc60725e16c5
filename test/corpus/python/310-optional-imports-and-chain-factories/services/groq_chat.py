"""Groq chat: the SDK is an optional dependency."""
# corpus: labels llm-call-without-timeout
import os

try:
    import groq
except ImportError:  # the service starts without it; /groq then answers 503
    groq = None


def ask_groq(question: str) -> str:
    if groq is None:
        raise RuntimeError("groq is not installed")
    # 60 s per attempt, 3 attempts: up to three minutes.
    client = groq.Groq(api_key=os.environ["GROQ_API_KEY"])  # expect: llm-call-without-timeout
    reply = client.chat.completions.create(model="llama-3.1-8b-instant", messages=[{"role": "user", "content": question}])  # expect: blocking-llm-call
    return reply.choices[0].message.content or ""
