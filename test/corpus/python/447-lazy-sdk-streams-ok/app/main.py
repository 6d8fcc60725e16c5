"""Routes handing the service's unstarted streams to Starlette, which iterates sync iterators in its threadpool."""
from fastapi import FastAPI
from fastapi.responses import StreamingResponse

from app.service import ChatService

app = FastAPI()
service = ChatService(api_key="k")


@app.get("/answer")
async def answer(q: str):
    return {"text": await service.answer(q)}


@app.get("/answer/cohere")
async def answer_cohere(q: str):
    return {"text": await service.answer_cohere(q)}


@app.get("/stream/chain")
async def stream_chain(q: str):
    return StreamingResponse(service.chain_stream(q), media_type="text/plain")


@app.get("/stream/gemini")
async def stream_gemini(q: str):
    stream = service._open_stream(q)
    return StreamingResponse((chunk.text or "" for chunk in stream), media_type="text/plain")


@app.get("/stream/ollama")
async def stream_ollama(q: str):
    def lines():
        for part in service.ollama_stream(q):
            yield part["message"]["content"]

    return StreamingResponse(lines(), media_type="text/plain")


@app.get("/sync")
def sync_route(q: str):
    # A `def` route runs in the threadpool: reading the stream here blocks only that worker thread.
    return {"text": "".join(c.text or "" for c in service._open_stream(q))}
