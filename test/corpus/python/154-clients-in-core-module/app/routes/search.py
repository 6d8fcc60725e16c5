"""Search endpoints: the embedder lives on app.state (set in main.py's lifespan)."""
from fastapi import APIRouter, Request

router = APIRouter(prefix="/search")


@router.get("/embed")
async def embed(request: Request, q: str):
    result = await request.app.state.embedder.embeddings.create(model="text-embedding-3-small", input=q)
    return {"dims": len(result.data[0].embedding)}
