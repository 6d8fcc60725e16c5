from fastapi import FastAPI

from domain.orders import Completions, Order, RpcClient

app = FastAPI()
rpc = RpcClient()
completions = Completions()
ORDERS = {1: Order(1, ["book"])}


@app.post("/orders/{order_id}/complete")
async def complete_order(order_id: int):
    order = ORDERS[order_id].complete()
    rpc.invoke("notify", order_id=order_id)
    completions.chat.create(f"order {order_id} completed")
    return {"done": order.done}


@app.post("/orders/{order_id}/query")
async def query(order_id: int):
    result = await rpc.ainvoke("status", order_id=order_id)
    return result
