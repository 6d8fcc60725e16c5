from django.urls import path

from chat.consumers import AskConsumer, EchoConsumer

websocket_urlpatterns = [
    path("ws/ask/", AskConsumer.as_asgi()),
    path("ws/echo/", EchoConsumer.as_asgi()),
]
