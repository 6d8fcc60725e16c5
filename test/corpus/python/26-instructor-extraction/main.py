"""Accounts-payable inbox: pulls structured invoices out of email bodies."""
from fastapi import FastAPI

from extraction import Invoice, extract_invoice, extract_invoice_async

app = FastAPI()


@app.post("/invoices/parse", response_model=Invoice)
async def parse(body: str):
    return extract_invoice(body)  # expect: blocking-llm-call


@app.post("/invoices/parse/v2", response_model=Invoice)
async def parse_v2(body: str):
    return await extract_invoice_async(body)
