"""Search helpers reading the embedder off the app imported from main."""


async def embed(query: str) -> list[float]:
    from main import app

    result = app.state.embedder.embeddings.create(model="text-embedding-3-small", input=query)  # expect: blocking-llm-call
    return result.data[0].embedding
