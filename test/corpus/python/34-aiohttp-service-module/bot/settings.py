import os

ANTHROPIC_KEY = os.environ.get("ANTHROPIC_API_KEY", "")
