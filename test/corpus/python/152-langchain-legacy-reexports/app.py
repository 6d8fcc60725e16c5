"""A 2023-era FAQ bot: LangChain 0.0.x imports from the package top level and its old module paths."""
# corpus: labels llm-call-without-timeout
from fastapi import FastAPI
from langchain import LLMChain, OpenAI, PromptTemplate
from langchain.chat_models import ChatOpenAI
from langchain.llms import OpenAI as CompletionModel
from langchain.schema import HumanMessage

app = FastAPI(title="faq")

# LangChain 0.0.x OpenAI models: request_timeout=None (no limit), 6 retries.
llm = OpenAI(temperature=0)  # expect: llm-call-without-timeout
prompt = PromptTemplate(input_variables=["question"], template="Answer briefly: {question}")
chain = LLMChain(llm=llm, prompt=prompt)

chat = ChatOpenAI(model_name="gpt-3.5-turbo", temperature=0.2)  # expect: llm-call-without-timeout
titles = CompletionModel(model_name="gpt-3.5-turbo-instruct")  # expect: llm-call-without-timeout


@app.get("/faq")
async def faq(question: str):
    return {"answer": chain.run(question=question)}  # expect: blocking-llm-call


@app.get("/chat")
async def chat_once(message: str):
    reply = chat([HumanMessage(content=message)])  # expect: blocking-llm-call
    return {"reply": reply.content}


@app.get("/title")
def title(text: str):
    # A def route runs in the threadpool; the missing timeout still holds a worker forever.
    return {"title": titles(f"A five-word title for: {text}")}
