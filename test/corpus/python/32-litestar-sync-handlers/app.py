"""Litestar API for a language-learning app."""
from anthropic import Anthropic
from litestar import Litestar, get, post

claude = Anthropic()


@post("/correct")
def correct(data: dict) -> dict:
    # Sync handler without sync_to_thread: Litestar calls it on the event loop.
    msg = claude.messages.create(  # expect: blocking-llm-call
        model="claude-3-5-haiku-latest",
        max_tokens=400,
        messages=[{"role": "user", "content": f"Correct this {data['language']} sentence: {data['sentence']}"}],
    )
    return {"corrected": msg.content[0].text}


@post("/explain", sync_to_thread=True)
def explain(data: dict) -> dict:
    msg = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=600, messages=[{"role": "user", "content": data["sentence"]}])
    return {"explanation": msg.content[0].text}


@get("/vocab/{word:str}")
async def vocab(word: str) -> dict:
    msg = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=100, messages=[{"role": "user", "content": f"Define {word}"}])  # expect: blocking-llm-call
    return {"definition": msg.content[0].text}


app = Litestar(route_handlers=[correct, explain, vocab])
