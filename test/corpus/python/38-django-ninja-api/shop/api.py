"""Product Q&A API on Django Ninja."""
from groq import AsyncGroq, Groq
from ninja import NinjaAPI, Schema

api = NinjaAPI()
groq_sync = Groq()
groq_async = AsyncGroq()


class Question(Schema):
    product_id: int
    question: str


@api.post("/qa")
async def qa(request, q: Question):
    r = groq_sync.chat.completions.create(model="llama-3.1-8b-instant", messages=[{"role": "user", "content": q.question}])  # expect: blocking-llm-call
    return {"answer": r.choices[0].message.content}


@api.post("/qa/v2")
async def qa_v2(request, q: Question):
    r = await groq_async.chat.completions.create(model="llama-3.1-8b-instant", messages=[{"role": "user", "content": q.question}])
    return {"answer": r.choices[0].message.content}


@api.post("/qa/sync")
def qa_sync(request, q: Question):
    r = groq_sync.chat.completions.create(model="llama-3.1-8b-instant", messages=[{"role": "user", "content": q.question}])
    return {"answer": r.choices[0].message.content}
