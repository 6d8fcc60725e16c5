"""Text-to-SQL helper. The client is created in a startup hook and kept in a module global."""
import os

from fastapi import FastAPI

from app.codegen import explain_sql, generate_sql
from app.state import init_client

app = FastAPI()
SCHEMA = "orders(id, customer_id, total, created_at)\ncustomers(id, name, country)"


@app.on_event("startup")
async def startup() -> None:
    init_client(os.environ["TOGETHER_API_KEY"])


@app.get("/sql")
async def sql(q: str):
    return {"sql": generate_sql(q, SCHEMA)}  # expect: blocking-llm-call


@app.get("/sql/explain")
async def explain(sql: str):
    return {"explanation": explain_sql(sql)}  # expect: blocking-llm-call
