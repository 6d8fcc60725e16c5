"""A multi-provider router over aisuite: its sync client, used from async code, with the providers' default waits."""
import aisuite as ai
from aisuite import Client

# No provider config: each provider's SDK client keeps its defaults (openai, anthropic: 600 s per attempt, 3 attempts).
client = Client()  # expect: llm-call-without-timeout
# A config for one provider only, without a timeout: same defaults.
tuned = ai.Client(provider_configs={"anthropic": {"api_key": "sk-ant-test"}})  # expect: llm-call-without-timeout


def pick(message: str) -> str:
    return "anthropic:claude-3-5-sonnet-20240620" if len(message) < 80 else "openai:gpt-4o"


def answer_sync(message: str) -> str:
    # Sync helper: runs wherever it is called from.
    reply = tuned.chat.completions.create(model="anthropic:claude-3-5-haiku-20241022", messages=[{"role": "user", "content": message}])  # expect: blocking-llm-call
    return reply.choices[0].message.content


async def stream_reply(message: str):
    # An async generator: the sync request is sent and its first bytes awaited on the loop.
    stream = client.chat.completions.create(model=pick(message), messages=[{"role": "user", "content": message}], stream=True)  # expect: blocking-llm-call
    for chunk in stream:
        yield chunk.choices[0].delta.content or ""
