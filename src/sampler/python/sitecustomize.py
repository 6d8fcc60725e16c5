# Loopsafe's runtime sampler for Python apps that Loopsafe starts for a load test (loaded as `sitecustomize`
# through PYTHONPATH; the app's own sitecustomize still runs): where an event loop ran user code synchronously.
#
# A thread looks at the stack of every thread running an event loop every few milliseconds. A suspended
# coroutine leaves no frame, so the same user frame (not the standard library, not site-packages) with a
# running coroutine at or outside it, seen on consecutive samples, is code holding the loop: a block,
# attributed to that frame and to the library call below it. Written: code locations and times only, as JSON lines, into the
# directory named by LOOPSAFE_SAMPLER_DIR (one file per process), every 250 ms and at exit.

import os
import sys


def _chain_sitecustomize():
    """Runs the sitecustomize this file shadows (the app's own, or the distribution's), as Python would."""
    here = os.path.dirname(os.path.abspath(__file__))
    ours = sys.modules.get("sitecustomize")
    saved = list(sys.path)
    try:
        sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
        sys.modules.pop("sitecustomize", None)
        import importlib

        importlib.import_module("sitecustomize")
    except ModuleNotFoundError as err:
        if err.name != "sitecustomize":
            sys.stderr.write("Error in sitecustomize; set PYTHONVERBOSE for traceback:\n%s: %s\n" % (type(err).__name__, err))
    except Exception as err:  # what Python itself does with a failing sitecustomize
        sys.stderr.write("Error in sitecustomize; set PYTHONVERBOSE for traceback:\n%s: %s\n" % (type(err).__name__, err))
    finally:
        sys.path[:] = saved
        if ours is not None:
            sys.modules["sitecustomize"] = ours


_chain_sitecustomize()

_DIR = os.environ.get("LOOPSAFE_SAMPLER_DIR")
_CO_ASYNC = 0x80 | 0x100 | 0x200  # CO_COROUTINE, CO_ITERABLE_COROUTINE, CO_ASYNC_GENERATOR
_SELF = os.path.abspath(__file__)
_current = None


def _note(text):
    try:
        sys.stderr.write("loopsafe-sampler: %s\n" % text)
    except Exception:
        pass


class _Sampler(object):
    def __init__(self, threading_module, time_module):
        self.threading = threading_module
        self.time = time_module
        self.pid = os.getpid()
        self.path = os.path.join(_DIR, "py-%d.jsonl" % self.pid)
        try:
            self.interval = max(0.001, float(os.environ.get("LOOPSAFE_SAMPLER_INTERVAL_MS", "5")) / 1000.0)
        except ValueError:
            self.interval = 0.005
        # While no loop runs user code, look less often (each look takes the GIL from the app); as soon as one
        # does, every `interval`, to time the block.
        self.idle_interval = self.interval * 4
        self.busy = False
        self.stdlib = os.path.dirname(os.path.abspath(os.__file__)) + os.sep
        self.locs = {}
        self.lines = ['{"v":1,"lang":"python","pid":%d,"start":%d,"intervalMs":%g}' % (self.pid, self.time.time() * 1000, self.interval * 1000)]
        self.current = {}  # thread id -> [user frame, callee frame, loc id, first ms, last ms, samples]
        self.user = {}  # co_filename -> absolute path when it is the user's code, else None
        self.loop_threads = set()
        self.loops_seen = set()
        self.stopped = False
        self.failed = False
        self.thread = None

    # --- what is user code -------------------------------------------------------------------------
    def user_path(self, filename):
        known = self.user.get(filename, False)
        if known is not False:
            return known
        path = None
        if filename and not filename.startswith("<"):
            absolute = os.path.abspath(filename)
            if not (
                absolute.startswith(self.stdlib)
                or os.sep + "site-packages" + os.sep in absolute
                or os.sep + "dist-packages" + os.sep in absolute
                or absolute == _SELF
            ):
                path = absolute
        self.user[filename] = path
        return path

    def call_name(self, frame):
        code = frame.f_code
        module = frame.f_globals.get("__name__") or "?"
        name = getattr(code, "co_qualname", code.co_name)
        top = module.split(".")[0]
        exported = getattr(sys.modules.get(top), code.co_name, None)
        if top != module and getattr(exported, "__code__", None) is code:
            return "%s.%s" % (top, code.co_name)  # requests.api.post is requests.post
        return "%s.%s" % (module, name)

    def location(self, frame, callee):
        code = frame.f_code
        key = (code, frame.f_lineno, callee.f_code if callee is not None else None)
        loc = self.locs.get(key)
        if loc is None:
            loc = len(self.locs)
            self.locs[key] = loc
            import json

            self.lines.append(
                json.dumps(
                    {
                        "loc": loc,
                        "file": self.user_path(code.co_filename),
                        "line": frame.f_lineno,
                        "function": getattr(code, "co_qualname", code.co_name),
                        "call": self.call_name(callee) if callee is not None else None,
                    }
                )
            )
        return loc

    # --- sampling ----------------------------------------------------------------------------------
    def inspect(self, top):
        """(is a loop thread, innermost user frame running synchronously on the loop, the frame it called).

        A coroutine only runs while a loop drives it, so the innermost user frame with a coroutine frame at or
        outside it is code running on the loop (whatever the loop: asyncio's, uvloop's). A thread with no
        coroutine frame is idle or a worker thread (FastAPI's threadpool, a WSGI worker): not a block.
        """
        user = callee = None
        on_loop = is_loop = False
        below = None
        f = top
        while f is not None:
            code = f.f_code
            if user is None and self.user_path(code.co_filename) is not None:
                user, callee = f, below
            if code.co_flags & _CO_ASYNC:
                is_loop = True
                if user is not None:
                    on_loop = True
            elif code.co_name in ("run_forever", "_run_once", "run_until_complete") and code.co_filename.startswith(self.stdlib):
                is_loop = True  # an idle asyncio loop: waiting in select()
            below = f
            f = f.f_back
        return is_loop, (user if on_loop else None), callee

    def sample(self, full_scan, lead_ms):
        now = self.time.time() * 1000.0
        busy = False
        frames = sys._current_frames()
        me = self.threading.get_ident()
        tids = frames.keys() if full_scan else [t for t in self.loop_threads if t in frames]
        if full_scan:
            self.loop_threads = set()
        for tid in tids:
            if tid == me:
                continue
            is_loop, user, callee = self.inspect(frames[tid])
            if not is_loop:
                self.close(tid)
                continue
            self.loop_threads.add(tid)
            self.loops_seen.add(tid)
            state = self.current.get(tid)
            if user is not None:
                busy = True
            if user is not None and state is not None and state[0] is user and state[1] is callee:
                state[4] = now
                state[5] += 1
                continue
            self.close(tid)
            if user is not None:
                # The block began somewhere in the pause before this look: count half of it.
                self.current[tid] = [user, callee, self.location(user, callee), now - lead_ms / 2.0, now, 1]
        for tid in list(self.current):
            if tid not in frames:
                self.close(tid)
        del frames
        self.busy = busy

    def close(self, tid):
        state = self.current.pop(tid, None)
        if state is not None and state[5] >= 2:
            duration = state[4] - state[3] + self.interval * 500.0
            self.lines.append("[%d,%d,%.1f]" % (state[2], state[3], duration))

    def flush(self):
        heartbeat = '{"hb":%d,"loops":%d}' % (self.time.time() * 1000, len(self.loops_seen))
        self.loops_seen = set()
        lines, self.lines = self.lines, []
        lines.append(heartbeat)
        try:
            with open(self.path, "a") as out:
                out.write("\n".join(lines) + "\n")
        except OSError as err:
            _note("cannot write %s (%s): no attribution from process %d" % (_DIR, err.strerror or err, self.pid))
            self.failed = True
            self.stopped = True

    def run(self):
        last_flush = last_scan = self.time.monotonic()
        self.sample(True, 0.0)
        while not self.stopped:
            pause = self.interval if self.busy else self.idle_interval
            self.time.sleep(pause)
            if self.stopped:
                break
            now = self.time.monotonic()
            full = now - last_scan >= 0.5 or not self.loop_threads
            if full:
                last_scan = now
            try:
                self.sample(full, pause * 1000.0)
            except Exception as err:  # never take the app down
                _note("sampling stopped: %s: %s" % (type(err).__name__, err))
                self.stopped = True
            if now - last_flush >= 0.25:
                last_flush = now
                self.flush()

    def start(self):
        self.flush()  # fails early, with its one line, when the directory cannot be written
        if self.failed:
            return
        self.thread = self.threading.Thread(target=self.run, name="loopsafe-sampler", daemon=True)
        self.thread.start()

    def stop(self):
        if self.pid != os.getpid() or self.stopped and self.failed:
            return
        self.stopped = True
        if self.thread is not None and self.thread is not self.threading.current_thread():
            self.thread.join(1.0)
        for tid in list(self.current):
            self.close(tid)
        self.flush()


def _start():
    global _current
    try:
        if os.environ.get("LOOPSAFE_SAMPLER_TEST_NO_THREADS"):
            raise ImportError("No module named '_thread' (simulated)")  # a Python built without threads
        import threading
        import time
    except ImportError as err:
        _write_error("this Python has no thread support (%s): the sampler needs a thread" % err)
        return
    try:
        _current = _Sampler(threading, time)
        _current.start()
    except Exception as err:
        _note("not started: %s: %s" % (type(err).__name__, err))


def _write_error(text):
    try:
        with open(os.path.join(_DIR, "py-%d.jsonl" % os.getpid()), "a") as out:
            out.write('{"v":1,"lang":"python","pid":%d,"error":%s}\n' % (os.getpid(), _json_string(text)))
    except OSError as err:
        _note("%s; cannot write %s either (%s)" % (text, _DIR, err.strerror or err))


def _json_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _stop_at_exit():
    if _current is not None:
        _current.stop()


def _restart_in_child():
    # A forked worker (gunicorn, multiprocessing fork) has no sampler thread: start its own.
    global _current
    _current = None
    _start()


if _DIR:
    import atexit

    atexit.register(_stop_at_exit)
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_restart_in_child)
    _start()
