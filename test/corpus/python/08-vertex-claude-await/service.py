"""Contract clause extractor on Claude via Vertex AI."""
from anthropic import AnthropicVertex
from fastapi import FastAPI, UploadFile

app = FastAPI()
vertex = AnthropicVertex(region="us-east5", project_id="legal-ml-prod")


@app.post("/clauses")
async def clauses(doc: UploadFile):
    text = (await doc.read()).decode("utf-8", errors="replace")
    msg = await vertex.messages.create(  # expect: await-on-sync-call, blocking-llm-call
        model="claude-sonnet-4-5@20250929",
        max_tokens=2000,
        messages=[{"role": "user", "content": f"List termination and liability clauses:\n{text}"}],
    )
    return {"clauses": msg.content[0].text}


@app.post("/clauses/stream")
async def clauses_stream(doc: UploadFile):
    text = (await doc.read()).decode()
    chunks = []
    with vertex.messages.stream(model="claude-sonnet-4-5@20250929", max_tokens=2000, messages=[{"role": "user", "content": text}]) as s:  # expect: blocking-llm-call
        for piece in s.text_stream:
            chunks.append(piece)
    return {"clauses": "".join(chunks)}
