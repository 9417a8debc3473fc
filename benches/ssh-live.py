#!/usr/bin/env python3
"""Kiosks over OpenSSH, measured: a real sshd on 127.0.0.1 (a high port, throw-away keys, the
kiosk forced by an authorized_keys `restrict,pty,command=` line as in deploy/ssh/), N `ssh -tt`
sessions in 200x50 pseudo-terminals, commits by a separate process (Python's sqlite3) spaced
by a random 50-250 ms. Prints: idle CPU per kiosk and per sshd session, commit -> first bytes
at the ssh client (p50/p95/max), bytes per commit per session. A developer's tool, not a test.

    python3 benches/ssh-live.py target/release/tavle 20 [COMMITS=60] [IDLE_SECS=20]

Needs sshd, ssh, ssh-keygen; run as root (sshd needs /run/sshd) or as a user whose
/dev/pts allows sshd to hand over a terminal. LOCAL=1 runs the kiosks in local
pseudo-terminals without ssh (to tell tavle's share from sshd's)."""
import os, sys, time, random, subprocess, socket, sqlite3, threading, pty, fcntl, termios, struct, shutil, signal

tavle, n = sys.argv[1], int(sys.argv[2])
commits = int(sys.argv[3]) if len(sys.argv) > 3 else 60
idle = float(sys.argv[4]) if len(sys.argv) > 4 else 20
d = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"tavle-ssh-live-{os.getpid()}")
shutil.rmtree(d, ignore_errors=True); os.makedirs(d + "/config")
db = d + "/ward.db"
# The demo ward: `tavle --demo` in a pseudo-terminal, quit once it has drawn.
pid, fd = pty.fork()
if pid == 0:
    os.execvp(tavle, [tavle, "--demo", "--db", db])
time.sleep(3)
os.write(fd, b"q")
os.waitpid(pid, 0)
w = sqlite3.connect(db); w.execute("PRAGMA journal_mode=WAL"); w.close()
cfg = d + "/config/tavle.json"
open(cfg, "w").write('{"privacy": {"kiosk": {"names": true}}}\n')
for k in ["host_key", "client_key"]:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", f"{d}/{k}"], check=True)
pub = open(f"{d}/client_key.pub").read().strip()
open(f"{d}/authorized_keys", "w").write(f'restrict,pty,command="{tavle} kiosk --db {db} --config {cfg}" {pub}\n')
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
user = subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()
open(f"{d}/sshd_config", "w").write(
    f"Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\nPidFile {d}/sshd.pid\n"
    f"AuthorizedKeysFile {d}/authorized_keys\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
    f"PubkeyAuthentication yes\nUsePAM no\nStrictModes no\nPermitRootLogin prohibit-password\nAllowUsers {user}\n"
    f"MaxStartups 100\nMaxSessions 100\n")
os.makedirs("/run/sshd", exist_ok=True)
sshd = subprocess.Popen(["/usr/sbin/sshd", "-D", "-e", "-f", f"{d}/sshd_config", "-E", f"{d}/sshd.log"])
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", port)).close(); break
    except OSError:
        time.sleep(0.05)

chunks = [[] for _ in range(n)]  # (t, nbytes)
procs = []
def reader(i, fd):
    while True:
        try:
            b = os.read(fd, 65536)
        except OSError:
            return
        if not b:
            return
        chunks[i].append((time.time(), len(b)))

for i in range(n):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execvp(tavle, [tavle, "kiosk", "--db", db, "--config", cfg]) if os.environ.get("LOCAL") else os.execvp("ssh", ["ssh", "-tt", "-F", "/dev/null", "-i", f"{d}/client_key", "-o", "StrictHostKeyChecking=no",
                          "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-p", str(port), f"{user}@127.0.0.1"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    procs.append((pid, fd))
    threading.Thread(target=reader, args=(i, fd), daemon=True).start()
    time.sleep(0.05)

# Wait for every session to draw and go quiet.
deadline = time.time() + 60
while time.time() < deadline:
    now = time.time()
    if all(c and now - c[-1][0] > 1.5 for c in chunks):
        break
    time.sleep(0.2)
drawn = sum(1 for c in chunks if sum(b for _, b in c) > 2000)
print(f"{n} ssh sessions, {drawn} drew a board; load average {open('/proc/loadavg').read().split()[0]}")

def tavle_pids():
    out = subprocess.run(["pgrep", "-f", f"{tavle} kiosk --db {db}"], capture_output=True, text=True).stdout.split()
    return [int(p) for p in out]
def session_pids():
    # Every descendant of the sshd listener that is not a tavle kiosk.
    kids = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                st = open(f"/proc/{p}/stat").read()
                kids.setdefault(int(st[st.rfind(")") + 2:].split()[1]), []).append(int(p))
            except OSError:
                pass
    out, todo = [], [sshd.pid]
    while todo:
        for c in kids.get(todo.pop(), []):
            out.append(c); todo.append(c)
    tp = set(tavle_pids())
    return [p for p in out if p not in tp]
def cpu_ns(pid):
    tot = 0
    try:
        for t in os.listdir(f"/proc/{pid}/task"):
            tot += int(open(f"/proc/{pid}/task/{t}/schedstat").read().split()[0])
    except OSError:
        pass
    return tot

tp, sp = tavle_pids(), session_pids()
b0 = {p: cpu_ns(p) for p in tp + sp}
t0 = time.time(); time.sleep(idle); dt = time.time() - t0
tc = sum(cpu_ns(p) - b0[p] for p in tp) / 1e9 / dt * 100
sc = sum(cpu_ns(p) - b0[p] for p in sp) / 1e9 / dt * 100
print(f"idle {idle:.0f} s: {len(tp)} tavle kiosks {tc/len(tp):.3f} % of a core each; {len(sp)} sshd session processes {sc/max(1,n):.3f} % per session; load average {open('/proc/loadavg').read().split()[0]}")

conn = sqlite3.connect(db, timeout=5)
conn.execute("PRAGMA synchronous=NORMAL")
sent = []
before = [len(c) for c in chunks]
bytes0 = [sum(b for _, b in c) for c in chunks]
for k in range(1, commits + 1):
    sent.append(time.time())
    conn.execute("UPDATE stays SET name = ?, version = version + 1 WHERE id = 1", (f"Målt {k}",))
    conn.commit()
    time.sleep(random.uniform(0.05, 0.25))
time.sleep(1)
lat = []
for i, c in enumerate(chunks):
    for j, ts in enumerate(sent):
        nxt = sent[j + 1] if j + 1 < len(sent) else ts + 1
        first = next((t for t, _ in c if ts <= t < nxt), None)
        if first is not None:
            lat.append((first - ts) * 1000)
lat.sort()
pc = lambda p: lat[min(len(lat) - 1, int(round((len(lat) - 1) * p)))]
nbytes = sum(sum(b for _, b in c) for c in chunks) - sum(bytes0)
print(f"commit -> bytes at the ssh client: n={len(lat)} of {len(sent)*n}, p50={pc(0.5):.1f} ms p95={pc(0.95):.1f} ms max={lat[-1]:.1f} ms; {nbytes/len(sent)/n:.0f} bytes per commit per session")
for pid, fd in procs:
    try: os.kill(pid, signal.SIGTERM)
    except OSError: pass
sshd.terminate(); sshd.wait()
time.sleep(0.5)
for p in tavle_pids():
    try: os.kill(p, signal.SIGTERM)
    except OSError: pass
shutil.rmtree(d, ignore_errors=True)
