"""Django views (WSGI workers: sync is fine here) using the services."""
from django.http import JsonResponse

from services.bounded import BoundedNotes
from services.notes import NotesService, action_items, headline


def summarize(request):
    text = request.POST["transcript"]
    notes = NotesService(api_key=request.POST["key"], base_url=request.POST.get("base_url"))
    bounded = BoundedNotes(api_key=request.POST["key"])
    return JsonResponse({"summary": notes.summarize(text), "bounded": bounded.summarize(text), "headline": headline(text, True), "actions": action_items(text)})
