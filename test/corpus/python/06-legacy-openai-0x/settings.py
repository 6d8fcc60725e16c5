import os

OPENAI_KEY = os.getenv("OPENAI_API_KEY", "")
MODEL = os.getenv("BOT_MODEL", "gpt-3.5-turbo")
