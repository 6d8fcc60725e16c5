from agent.graph import graph


def run_agent(question: str) -> str:
    final = graph.invoke({"question": question, "plan": "", "answer": ""})  # expect: blocking-llm-call
    return final["answer"]


async def run_agent_async(question: str) -> str:
    final = await graph.ainvoke({"question": question, "plan": "", "answer": ""})
    return final["answer"]
