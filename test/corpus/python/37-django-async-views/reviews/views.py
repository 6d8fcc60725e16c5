import json

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST

from reviews.llm import sentiment


@require_POST
async def classify_review(request: HttpRequest) -> JsonResponse:
    body = json.loads(request.body)
    return JsonResponse({"sentiment": sentiment(body["text"])})  # expect: blocking-llm-call


def classify_review_sync(request: HttpRequest) -> JsonResponse:
    body = json.loads(request.body)
    return JsonResponse({"sentiment": sentiment(body["text"])})
