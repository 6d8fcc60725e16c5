# uvicorn workers under gunicorn: the 30 s timeout is a heartbeat that only a blocked event loop misses.
bind = "0.0.0.0:8000"
workers = 4
worker_class = "uvicorn.workers.UvicornWorker"
timeout = 30
