from typing import TypedDict

from langchain_anthropic import ChatAnthropic
from langgraph.graph import END, StateGraph


class State(TypedDict):
    question: str
    plan: str
    answer: str


model = ChatAnthropic(model="claude-3-5-haiku-latest")


def plan(state: State) -> dict:
    return {"plan": model.invoke(f"Plan steps to answer: {state['question']}").content}


def act(state: State) -> dict:
    return {"answer": model.invoke(f"Follow this plan: {state['plan']}").content}


builder = StateGraph(State)
builder.add_node("plan", plan)
builder.add_node("act", act)
builder.set_entry_point("plan")
builder.add_edge("plan", "act")
builder.add_edge("act", END)
graph = builder.compile()
