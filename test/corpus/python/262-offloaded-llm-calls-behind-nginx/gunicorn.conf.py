# gunicorn with uvicorn workers: its timeout is a heartbeat that only a blocked event loop misses.
bind = "127.0.0.1:8000"
worker_class = "uvicorn.workers.UvicornWorker"
workers = 2
timeout = 30
