"""Cal.com-shaped payloads for the validation benchmark, taken from a conformant sandbox.

Deterministic in shape and count: the sandbox is seeded, the bookings created here and the queries
sent are fixed; only server clock fields (createdAt, updatedAt) differ between invocations.
"""

import http.client
import json
import urllib.parse

API_VERSION = "2024-08-13"
PERSONAL, ROUND_ROBIN, CONFIRMATION, SEATED = 501, 502, 503, 504
HOSTS = (102, 103)
SEEDED_ROUND_ROBIN = ["sbx-rr-booking-1", "sbx-rr-booking-2"]
TIME_ZONES = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Australia/Sydney"]
LANGUAGES = ["en", "de", "fr", "es", "ja"]


class Client:
    def __init__(self, base_url, api_key):
        parsed = urllib.parse.urlsplit(base_url)
        self.connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
        self.headers = {"Authorization": "Bearer " + api_key, "cal-api-version": API_VERSION}

    def call(self, method, path, body=None):
        headers = dict(self.headers)
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        self.connection.request(method, path, body=data, headers=headers)
        response = self.connection.getresponse()
        payload = response.read()
        if not 200 <= response.status < 300:
            raise RuntimeError(f"{method} {path} answered {response.status}: {payload[:300]!r}")
        return json.loads(payload)

    def close(self):
        self.connection.close()


def create_bookings(client, count):
    """Creates `count` bookings across the four event types, cancels every seventh; returns the
    uids of the round-robin bookings left accepted."""
    round_robin = []
    for i in range(count):
        event_type = (PERSONAL, ROUND_ROBIN, CONFIRMATION, SEATED)[i % 4]
        body = {
            "start": f"2031-{1 + i % 12:02d}-{1 + i % 28:02d}T{8 + i % 9:02d}:{(i * 15) % 60:02d}:00Z",
            "eventTypeId": event_type,
            "attendee": {
                "name": f"Attendee {i}",
                "email": f"attendee{i}@example.com",
                "timeZone": TIME_ZONES[i % len(TIME_ZONES)],
                "language": LANGUAGES[i % len(LANGUAGES)],
            },
        }
        if i % 3 == 0:
            body["guests"] = [f"guest{i}@example.com"]
        if i % 5 == 0:
            body["metadata"] = {"source": "bench", "index": str(i)}
        created = client.call("POST", "/v2/bookings", body)
        data = created["data"]
        uid = data.get("uid") if isinstance(data, dict) else None
        if uid and i % 7 == 6 and event_type != SEATED:
            client.call("POST", f"/v2/bookings/{uid}/cancel", {"cancellationReason": f"bench {i}"})
        elif event_type == ROUND_ROBIN and uid:
            round_robin.append(uid)
    return round_robin


def bookings_lists(client, count):
    """`count` GET /v2/bookings responses: pages of 1–25 bookings, several sorts and status filters."""
    statuses = [None, "upcoming", "cancelled", "unconfirmed", "past", "upcoming,unconfirmed"]
    sorts = [None, "sortStart=asc", "sortStart=desc", "sortCreated=desc", "sortEnd=asc"]
    out = []
    for i in range(count):
        query = [f"take={1 + i % 25}", f"skip={(i * 7) % 40}"]
        status = statuses[i % len(statuses)]
        if status:
            query.append("status=" + status)
        sort = sorts[(i // len(statuses)) % len(sorts)]
        if sort:
            query.append(sort)
        out.append(client.call("GET", "/v2/bookings?" + "&".join(query)))
    return out


def reassign_responses(client, uids, count):
    """`count` reassign responses: alternately POST …/reassign and POST …/reassign/{hostId}."""
    out = []
    for i in range(count):
        uid = uids[i % len(uids)]
        if i % 2 == 0:
            out.append(client.call("POST", f"/v2/bookings/{uid}/reassign"))
        else:
            host = HOSTS[(i // 2) % 2]
            out.append(client.call("POST", f"/v2/bookings/{uid}/reassign/{host}", {"reason": f"bench reassign {i}"}))
    return out


def collect(base_url, api_key, lists=1000, reassigns=10000, creations=60):
    """(bookings-list responses, reassign responses) from a running conformant sandbox."""
    client = Client(base_url, api_key)
    try:
        round_robin = SEEDED_ROUND_ROBIN + create_bookings(client, creations)
        return bookings_lists(client, lists), reassign_responses(client, round_robin, reassigns)
    finally:
        client.close()


def write_lines(path, values):
    with open(path, "w") as handle:
        for value in values:
            handle.write(json.dumps(value, separators=(",", ":")) + "\n")
