#!/usr/bin/env python3
"""Issue 14: how fast the HTML report shows its first chart, by Chromium's own clock.

Opens each report in headless Chromium (fresh profile, no network) over the DevTools protocol on
--remote-debugging-pipe (no port, no third-party library), waits for the page's status element to say
ready, and prints one JSON object per report: performance.now() when the first chart was drawn
(milliseconds since navigation start), when the data was decoded, the sample count, and any console
message or exception. Real time: no virtual-time budget.

Usage: bench/html_timing.py [--repeat N] REPORT.html...
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1000", "--remote-debugging-pipe"]

WAIT_READY = """new Promise((resolve, reject) => {
  const t0 = Date.now();
  const poll = () => {
    const s = document.getElementById('status');
    if (s && (s.dataset.ready || s.dataset.error)) resolve(JSON.stringify(s.dataset));
    else if (Date.now() - t0 > 60000) reject(new Error('not ready in 60 s'));
    else setTimeout(poll, 10);
  };
  poll();
})"""


class Browser:
    def __init__(self, exe):
        self.dir = tempfile.mkdtemp(prefix="procmon-bench-chromium")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        # 5..9: above 4, so that "3<&N 4>&M" cannot read a descriptor it has just replaced, and one
        # digit, which is all a POSIX shell takes in a redirection.
        to_child_r, from_child_w = (self.high(fd) for fd in (to_child_r, from_child_w))
        self.err = open(os.path.join(self.dir, "stderr.txt"), "w")

        # The protocol pipe must be the browser's descriptors 3 (in) and 4 (out): a shell puts them there.
        shell = 'exec "$@" 3<&%d 4>&%d' % (to_child_r, from_child_w)
        self.proc = subprocess.Popen(["/bin/sh", "-c", shell, "sh", exe] + FLAGS
                                     + ["--user-data-dir=" + self.dir, "about:blank"],
                                     pass_fds=(to_child_r, from_child_w),
                                     stdout=subprocess.DEVNULL, stderr=self.err)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buf = b""
        self.next_id = 0
        self.events = []

    @staticmethod
    def high(fd):
        import fcntl
        high = fcntl.fcntl(fd, fcntl.F_DUPFD, 5)
        if high > 9:
            raise RuntimeError("no free file descriptor below 10")
        os.close(fd)
        return high

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self.read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(method + ": " + json.dumps(reply["error"]))
                return reply["result"]
            self.events.append(reply)

    def read(self):
        while b"\0" not in self.buf:
            chunk = os.read(self.from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def wait_event(self, method, session):
        for i, e in enumerate(self.events):
            if e.get("method") == method and e.get("sessionId") == session:
                del self.events[i]
                return e
        while True:
            e = self.read()
            if e.get("method") == method and e.get("sessionId") == session:
                return e
            self.events.append(e)

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self.to_child, self.from_child):
            os.close(fd)
        self.err.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def measure(exe, path):
    b = Browser(exe)
    try:
        return measure_in(b, path)
    except Exception as e:
        with open(os.path.join(b.dir, "stderr.txt")) as f:
            tail = [l for l in f.read().splitlines() if "dbus" not in l][-5:]
        raise RuntimeError(path + ": " + str(e) + "; chromium said: " + " | ".join(tail)) from e
    finally:
        b.close()


def measure_in(b, path):
    if True:
        target = next(t for t in b.send("Target.getTargets")["targetInfos"] if t["type"] == "page")
        session = b.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            b.send(domain + ".enable", session=session)
        b.send("Page.navigate", {"url": "file://" + os.path.abspath(path)}, session=session)
        b.wait_event("Page.loadEventFired", session)
        res = b.send("Runtime.evaluate", {"expression": WAIT_READY, "awaitPromise": True, "returnByValue": True},
                     session=session)
        if "exceptionDetails" in res:
            raise RuntimeError(json.dumps(res["exceptionDetails"]))
        status = json.loads(res["result"]["value"])
        console = [e for e in b.events if e.get("method") in
                   ("Runtime.consoleAPICalled", "Runtime.exceptionThrown", "Log.entryAdded")]
        return {"report": path, "bytes": os.path.getsize(path), "samples": int(status.get("samples", 0)),
                "first_chart_ms": float(status.get("firstChartMs", "nan")),
                "decoded_ms": float(status.get("decodedMs", "nan")), "status": status,
                "error": status.get("error"), "console_messages": len(console)}


def main(argv):
    repeat = 1
    if argv[:1] == ["--repeat"]:
        repeat = int(argv[1])
        argv = argv[2:]
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not exe:
        print(json.dumps({"skipped": "chromium is not installed (apt-get install chromium)"}))
        return 0
    for path in argv:
        runs = [measure(exe, path) for _ in range(repeat)]
        best = sorted(runs, key=lambda r: r["first_chart_ms"])[len(runs) // 2]
        best["first_chart_ms_all"] = [r["first_chart_ms"] for r in runs]
        print(json.dumps(best))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
