"""Look-alike of 152: the same old LangChain imports, every model bounded, calls awaited on native async."""
# corpus: labels llm-call-without-timeout
from fastapi import FastAPI
from langchain import LLMChain, OpenAI, PromptTemplate
from langchain.chat_models import ChatOpenAI
from langchain.schema import HumanMessage

app = FastAPI(title="faq-bounded")

llm = OpenAI(temperature=0, request_timeout=20, max_retries=2)
prompt = PromptTemplate(input_variables=["question"], template="Answer briefly: {question}")
chain = LLMChain(llm=llm, prompt=prompt)
chat = ChatOpenAI(model_name="gpt-3.5-turbo", request_timeout=30)


@app.get("/faq")
async def faq(question: str):
    return {"answer": await chain.arun(question=question)}


@app.get("/chat")
async def chat_once(message: str):
    reply = await chat.agenerate([[HumanMessage(content=message)]])
    return {"reply": reply.generations[0][0].text}
