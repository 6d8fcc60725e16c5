from openai import OpenAI


def enrich_row(client: OpenAI, row: dict) -> dict:
    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Industry of company {row['company']}?"}])
    return {**row, "industry": r.choices[0].message.content}
