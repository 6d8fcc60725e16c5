from quart import Quart

from poems import bp

app = Quart(__name__)
app.register_blueprint(bp, url_prefix="/poems")
