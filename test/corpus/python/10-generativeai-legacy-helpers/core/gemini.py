import google.generativeai as genai

from core.conf import GOOGLE_API_KEY

genai.configure(api_key=GOOGLE_API_KEY)
model = genai.GenerativeModel("gemini-1.5-flash", system_instruction="You write short product descriptions.")


def describe(name: str, features: list[str]) -> str:
    prompt = f"Product: {name}\nFeatures: {'; '.join(features)}"
    return model.generate_content(prompt, request_options={"timeout": 20}).text  # expect: blocking-llm-call


async def describe_async(name: str, features: list[str]) -> str:
    resp = await model.generate_content_async(f"Product: {name}\nFeatures: {'; '.join(features)}")
    return resp.text


def improve(draft: str, feedback: str) -> str:
    chat = model.start_chat(history=[{"role": "model", "parts": [draft]}])
    return chat.send_message(f"Revise it: {feedback}").text  # expect: blocking-llm-call
