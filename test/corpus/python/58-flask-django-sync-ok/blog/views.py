"""Django sync views (WSGI)."""
import json

from django.http import JsonResponse
from huggingface_hub import InferenceClient

hf = InferenceClient(model="facebook/bart-large-cnn", timeout=30)


def summarize(request):
    text = json.loads(request.body)["text"]
    return JsonResponse({"summary": hf.summarization(text).summary_text})
