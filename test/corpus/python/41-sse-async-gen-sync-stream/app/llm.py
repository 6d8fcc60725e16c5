from anthropic import Anthropic

claude = Anthropic()


async def sse_events(question: str):
    # An async generator driving the sync stream: every chunk wait blocks the loop.
    with claude.messages.stream(model="claude-sonnet-4-5", max_tokens=1024, messages=[{"role": "user", "content": question}]) as stream:  # expect: blocking-llm-call
        for text in stream.text_stream:
            yield f"data: {text}\n\n"
    yield "data: [DONE]\n\n"
