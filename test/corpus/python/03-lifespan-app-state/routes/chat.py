from fastapi import APIRouter, Request
from pydantic import BaseModel

router = APIRouter()

SYSTEM = "You are a chef. Suggest recipes using only the listed ingredients."


class Pantry(BaseModel):
    ingredients: list[str]
    servings: int = 2


@router.post("/recipes")
async def suggest(request: Request, pantry: Pantry):
    claude = request.app.state.claude
    msg = claude.messages.create(  # expect: blocking-llm-call
        model=request.app.state.model,
        max_tokens=800,
        system=SYSTEM,
        messages=[{"role": "user", "content": f"{pantry.servings} servings; I have: {', '.join(pantry.ingredients)}"}],
    )
    return {"recipe": msg.content[0].text}


@router.post("/recipes/count")
async def count(request: Request, pantry: Pantry):
    n = request.app.state.claude.messages.count_tokens(  # expect: blocking-llm-call
        model=request.app.state.model,
        messages=[{"role": "user", "content": ", ".join(pantry.ingredients)}],
    )
    return {"tokens": n.input_tokens}
