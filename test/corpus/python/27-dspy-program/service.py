"""Incident triage endpoint built on DSPy."""
from fastapi import FastAPI

from program import lm, triage

app = FastAPI()


@app.post("/triage")
async def triage_incident(report: str):
    pred = triage(report=report)  # expect: blocking-llm-call
    return {"severity": pred.severity, "why": pred.reasoning}


@app.post("/triage/async")
async def triage_incident_async(report: str):
    pred = await triage.acall(report=report)
    return {"severity": pred.severity}


@app.post("/raw")
async def raw(prompt: str):
    return {"text": lm(prompt)[0]}  # expect: blocking-llm-call
