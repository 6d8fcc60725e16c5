"""Old LangChain 0.0.x code path kept alive in the marketing tools service."""
from fastapi import FastAPI
from langchain.chains import LLMChain
from langchain.llms import OpenAI
from langchain.prompts import PromptTemplate

app = FastAPI()
llm = OpenAI(temperature=0.7)
slogan_prompt = PromptTemplate(input_variables=["product"], template="Write a catchy slogan for {product}.")
slogan_chain = LLMChain(llm=llm, prompt=slogan_prompt)


@app.get("/slogan")
async def slogan(product: str):
    return {"slogan": slogan_chain.run(product)}  # expect: blocking-llm-call


@app.get("/tagline")
async def tagline(product: str):
    text = llm.predict(f"Five-word tagline for {product}")  # expect: blocking-llm-call
    return {"tagline": text}


@app.get("/slogan/direct")
async def slogan_direct(product: str):
    out = slogan_chain({"product": product})  # expect: blocking-llm-call
    return {"slogan": out["text"]}


@app.get("/slogan/async")
async def slogan_async(product: str):
    return {"slogan": await slogan_chain.arun(product)}
