#!/usr/bin/env python3
"""A minimal SelfDrivingLab instrument in Python, written from docs/protocol.md alone.

It uses only the Python standard library and the Debian `mosquitto-clients` command-line tools
(`mosquitto_sub` to receive commands, `mosquitto_pub` to publish), so it shows that an instrument
needs nothing from this repository. It offers one action, `measure`, that "measures" a paraboloid:

    y = 10 - (x - 0.3)^2 * 20        (x is the command parameter `x`, limited to [0, 1])

Usage: instrument.py --host 127.0.0.1 --port 1883 [--site lab] [--id py-meter-1]
"""
import argparse
import os
import datetime
import json
import subprocess
import sys
import time
import uuid

PROTOCOL = "sdl/v1"


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=1883)
    parser.add_argument("--site", default="lab")
    parser.add_argument("--id", default="py-meter-1")
    parser.add_argument("--cafile", help="PEM CA of the broker's certificate: connect with TLS")
    args = parser.parse_args()

    # The instrument's broker identity is its id; the password comes from the environment, never the command line.
    password = os.environ.get("SDL_BROKER_PASSWORD")
    auth = ["-u", args.id, "-P", password] if password else []
    if args.cafile:
        auth += ["--cafile", args.cafile]

    base = f"{PROTOCOL}/{args.site}/{args.id}"
    client_id = f"sdl-instrument-{args.site}-{args.id}"
    offline = json.dumps({"instrument": args.id, "state": "offline", "at": None, "protocol": PROTOCOL})

    def publish(leaf, payload, retain=False):
        command = ["mosquitto_pub", "-h", args.host, "-p", str(args.port), "-q", "1", *auth,
                   "-i", f"{client_id}-pub", "-t", f"{base}/{leaf}", "-m", json.dumps(payload)]
        if retain:
            command.append("-r")
        # A QoS 1 publish of the same event is harmless to repeat: retry a few times if the broker is slow.
        for attempt in range(5):
            if subprocess.run(command).returncode == 0:
                return
            time.sleep(0.2 * (attempt + 1))
        raise RuntimeError(f"mosquitto_pub to {base}/{leaf} failed 5 times")

    def event(kind, command_id, **fields):
        payload = {"kind": kind, "command_id": command_id, "instrument": args.id, "at": now(), "protocol": PROTOCOL}
        payload.update(fields)
        publish("event", payload)
        return payload

    # Subscribe first (with the offline last will), then announce ourselves (section 4 and 5).
    subscriber = subprocess.Popen(
        ["mosquitto_sub", "-h", args.host, "-p", str(args.port), "-q", "1", *auth, "-i", client_id,
         "-t", f"{base}/command", "--will-topic", f"{base}/availability", "--will-payload", offline,
         "--will-qos", "1", "--will-retain"],
        stdout=subprocess.PIPE, text=True, bufsize=1)
    publish("capabilities", {
        "instrument": args.id, "model": "python-mosquitto example",
        "capabilities": [{
            "name": "measure", "idempotent": True,
            "parameters": [{"name": "x", "min": 0.0, "max": 1.0, "required": True}],
            "outputs": ["y"],
        }],
        "channels": 1, "protocol": PROTOCOL,
        # Command ids live in memory only (section 6): say so, and name this run, so after a restart the
        # orchestrator asks for a command's status instead of re-sending an action that is not idempotent.
        "durable_command_ids": False, "instance_id": uuid.uuid4().hex,
    }, retain=True)
    publish("availability", {"instrument": args.id, "state": "online", "at": now(), "protocol": PROTOCOL}, retain=True)
    print("ready", flush=True)

    latest = {}  # command id -> latest event: a repeated command id is never executed twice (section 7)
    for line in subscriber.stdout:
        try:
            command = json.loads(line)
            command_id = command["command_id"]
        except (ValueError, KeyError, TypeError):
            continue  # not a command we can correlate: ignore it
        if command.get("type") != "execute":
            if command_id in latest:
                publish("event", latest[command_id])
            else:
                event("unknown", command_id, message="no command with this id")
            continue
        if command_id in latest:
            publish("event", latest[command_id])
            continue
        if command.get("action") != "measure":
            latest[command_id] = event("rejected", command_id, error="unknown_action", message=f"no action {command.get('action')!r}")
            continue
        x = (command.get("parameters") or {}).get("x")
        if not isinstance(x, (int, float)) or not 0.0 <= x <= 1.0:
            latest[command_id] = event("rejected", command_id, error="limit_violation", message=f"x={x!r} is outside [0, 1]")
            continue
        latest[command_id] = event("accepted", command_id)
        y = 10.0 - (x - 0.3) ** 2 * 20.0
        latest[command_id] = event("completed", command_id, results={"y": y, "x": x})
    return 0


if __name__ == "__main__":
    sys.exit(main())
