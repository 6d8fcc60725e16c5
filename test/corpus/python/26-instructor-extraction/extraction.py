import instructor
from openai import AsyncOpenAI, OpenAI
from pydantic import BaseModel


class Invoice(BaseModel):
    vendor: str
    total: float
    currency: str
    due_date: str | None = None


sync_client = instructor.from_openai(OpenAI(timeout=30))
async_client = instructor.from_openai(AsyncOpenAI(timeout=30))


def extract_invoice(text: str) -> Invoice:
    return sync_client.chat.completions.create(  # expect: blocking-llm-call
        model="gpt-4o-mini",
        response_model=Invoice,
        max_retries=2,
        messages=[{"role": "user", "content": text}],
    )


async def extract_invoice_async(text: str) -> Invoice:
    return await async_client.chat.completions.create(
        model="gpt-4o-mini", response_model=Invoice, messages=[{"role": "user", "content": text}]
    )
