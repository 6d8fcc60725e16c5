"""Django Ninja sync operations and a Starlette def endpoint that create coroutines nobody runs."""
from ninja import NinjaAPI
from starlette.responses import JSONResponse
from starlette.routing import Route

from shop.llm import groq, mistral

api = NinjaAPI()


@api.get("/describe")
def describe(request, product: str):
    r = groq.chat.completions.create(model="llama-3.1-8b-instant", messages=[{"role": "user", "content": product}])  # expect: async-client-in-sync-handler
    return {"text": r.choices[0].message.content}


@api.get("/describe/ok")
def describe_ok(request, product: str):
    r = mistral.chat.complete(model="mistral-small-latest", messages=[{"role": "user", "content": product}])
    return {"text": r.choices[0].message.content}


def legacy_tags(request):
    res = mistral.chat.complete_async(model="mistral-small-latest", messages=[{"role": "user", "content": request.query_params["p"]}])  # expect: async-client-in-sync-handler
    return JSONResponse({"tags": res.choices[0].message.content})


routes = [Route("/legacy/tags", legacy_tags)]
