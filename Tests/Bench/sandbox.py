"""Starts `specgate sandbox --port 0` as a child process and reads its banner (URL and API keys)."""

import os
import re
import select
import signal
import subprocess
import time


class SandboxError(RuntimeError):
    pass


class SandboxProcess:
    """Context manager: `with SandboxProcess(specgate, faults=[...]) as sb: sb.url, sb.keys['owner']`."""

    def __init__(self, specgate, faults=(), extra_args=(), startup_seconds=20.0):
        self.specgate = specgate
        self.faults = list(faults)
        self.extra_args = list(extra_args)
        self.startup_seconds = startup_seconds
        self.process = None
        self.url = None
        self.keys = {}

    def __enter__(self):
        args = [self.specgate, "sandbox", "--port", "0"] + self.extra_args
        for fault in self.faults:
            args += ["--fault", fault]
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + self.startup_seconds
        buffer = b""
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.1)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 65536)
                if not chunk:
                    break
                buffer += chunk
                text = buffer.decode("utf-8", "replace")
                if self._parse(text):
                    return self
            elif self.process.poll() is not None:
                break
        stderr = b""
        if self.process.poll() is not None:
            stderr = self.process.stderr.read() or b""
        self.__exit__(None, None, None)
        raise SandboxError("sandbox did not start: " + (stderr.decode("utf-8", "replace").strip() or buffer.decode()))

    def _parse(self, text):
        match = re.search(r"^listening on (\S+)$", text, re.M)
        if not match:
            return False
        keys = dict(re.findall(r"^(owner|host|outsider) \d+ \S+: (\S+)$", text, re.M))
        if "owner" not in keys:
            return False
        self.url = match.group(1)
        self.keys = keys
        return True

    @property
    def pid(self):
        return self.process.pid if self.process else None

    def __exit__(self, *exc):
        if self.process is None:
            return False
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            if stream:
                stream.close()
        return False
