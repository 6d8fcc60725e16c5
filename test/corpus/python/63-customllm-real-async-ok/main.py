from fastapi import FastAPI

from llm.gateway_llm import GatewayLLM

app = FastAPI()
llm = GatewayLLM()


@app.post("/complete")
async def complete(prompt: str):
    return {"text": (await llm.acomplete(prompt)).text}


@app.post("/complete/sync")
def complete_sync(prompt: str):
    return {"text": llm.complete(prompt).text}
