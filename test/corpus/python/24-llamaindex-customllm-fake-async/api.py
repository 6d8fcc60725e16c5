from fastapi import FastAPI

from llms.cluster import ClusterLLM

app = FastAPI()
llm = ClusterLLM()


@app.post("/complete")
async def complete(prompt: str):
    # CustomLLM.acomplete just calls self.complete inside the coroutine: awaiting it still blocks.
    out = await llm.acomplete(prompt)  # expect: blocking-llm-call
    return {"text": out.text}
