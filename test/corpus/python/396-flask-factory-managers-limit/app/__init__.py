"""Wardrobe assistant: the factory builds one manager per provider and hangs them on the app."""
# corpus: labels timeout-exceeds-server-limit
import os

from flask import Flask

from app.routes.looks import looks
from app.routes.stylist import stylist
from app.services.chat import ChatManager
from app.services.images import ImageManager
from app.services.captions import CaptionManager


def create_app() -> Flask:
    app = Flask(__name__)
    app.chat_manager = ChatManager(os.environ["GROQ_API_KEY"])
    app.image_manager = ImageManager(os.environ["OPENAI_API_KEY"])
    app.caption_manager = CaptionManager(os.environ["OPENAI_API_KEY"])
    app.register_blueprint(stylist, url_prefix="/stylist")
    app.register_blueprint(looks, url_prefix="/looks")
    return app
