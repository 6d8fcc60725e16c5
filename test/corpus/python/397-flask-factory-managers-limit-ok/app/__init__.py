"""Wardrobe assistant: every manager the views call has a timeout that fits gunicorn's 120 s."""
# corpus: labels timeout-exceeds-server-limit
import os

import click
from flask import Flask

from app.routes.stylist import stylist
from app.services.chat import ChatManager
from app.services.images import ImageManager
from app.services.reports import ReportManager


def create_app() -> Flask:
    app = Flask(__name__)
    app.chat_manager = ChatManager(os.environ["GROQ_API_KEY"])
    app.image_manager = ImageManager(os.environ["OPENAI_API_KEY"])
    app.report_manager = ReportManager(os.environ["OPENAI_API_KEY"])
    app.register_blueprint(stylist, url_prefix="/stylist")

    @app.cli.command("monthly-report")
    @click.argument("month")
    def monthly_report(month: str) -> None:
        # Run by hand with `flask monthly-report`: no request, no gunicorn worker.
        print(app.report_manager.summarize(month))

    return app
