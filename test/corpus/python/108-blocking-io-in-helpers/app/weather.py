"""Context fetchers: plain sync helpers over requests and sqlite."""
import sqlite3

import requests

DB = sqlite3.connect("cache.db", check_same_thread=False)


def forecast(city: str) -> dict:
    r = requests.get("https://api.open-meteo.com/v1/forecast", params={"city": city}, timeout=5)  # expect: blocking-call-in-async-handler
    return r.json()


def cached_forecast(city: str) -> dict:
    row = DB.execute("SELECT body FROM forecasts WHERE city = ?", (city,)).fetchone()  # expect: blocking-call-in-async-handler
    return row[0] if row else forecast(city)


def clothing_hint(temp: float) -> str:
    return "coat" if temp < 10 else "t-shirt"
