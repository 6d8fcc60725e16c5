from fastapi import APIRouter, FastAPI

from agent.runner import run_agent, run_agent_async

router = APIRouter()


@router.post("/agent")
async def agent(question: str):
    return {"answer": run_agent(question)}  # expect: blocking-llm-call


@router.post("/agent/v2")
async def agent_v2(question: str):
    return {"answer": await run_agent_async(question)}


app = FastAPI()
app.include_router(router)
