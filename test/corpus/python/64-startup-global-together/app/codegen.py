from app import state


def generate_sql(question: str, schema: str) -> str:
    resp = state.client.chat.completions.create(  # expect: blocking-llm-call
        model="Qwen/Qwen2.5-Coder-32B-Instruct",
        messages=[{"role": "system", "content": f"Schema:\n{schema}"}, {"role": "user", "content": f"SQL for: {question}"}],
    )
    return resp.choices[0].message.content.strip("` \n")


def explain_sql(sql: str) -> str:
    return generate_sql(f"Explain in English instead of writing SQL: {sql}", schema="")
