from fastapi import FastAPI
from pydantic import BaseModel

from core.llm import Copywriter

app = FastAPI()
writer = Copywriter()


class Product(BaseModel):
    name: str
    bullets: list[str]


@app.post("/copy")
async def copy(p: Product):
    return {"copy": await writer.product_copy(p.name, p.bullets)}  # expect: blocking-llm-call
