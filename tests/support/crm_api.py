#!/usr/bin/env python3
"""A local stand-in for the HubSpot and Pipedrive APIs, with their request and
response shapes as their public references give them: HubSpot's CRM v3
objects, search and pipelines endpoints (bearer token, paging by `after`,
`lastmodifieddate` filters) and Pipedrive's v1 persons, deals, recents and
stages (api_token, paging by `start` and `limit`, `since_timestamp`).

    crm_api.py PORT_FILE --people N [--deals N] [--token T] [--rate-limit K]
               [--delay-ms D] [--changed N]

Writes the port it listens on to PORT_FILE. Every K-th request is answered
429 with Retry-After: 1. --changed N marks the first N people as modified an
hour after the others (for incremental syncs). POST /_control {"changed": N,
"at": ms} changes that while it runs; GET /_stats tells the requests seen.
"""
import argparse
import json
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

BASE_MS = 1767225600000  # 2026-01-01T00:00:00Z
STAGES = [("appointmentscheduled", "Appointment scheduled", "0.2", "false"),
          ("qualifiedtobuy", "Qualified to buy", "0.4", "false"),
          ("contractsent", "Contract sent", "0.9", "false"),
          ("closedwon", "Closed won", "1.0", "true"),
          ("closedlost", "Closed lost", "0.0", "true")]


class State:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.requests = 0
        self.limited = 0
        self.changed = args.changed
        self.changed_at = BASE_MS + args.people * 1000 + 3600000
        self.deal_stage = {}
        self.writes = {}  # person id → the properties written to it

    def modified(self, i):
        # a second apart: Pipedrive's times have whole seconds
        return self.changed_at if i < self.changed else BASE_MS + i * 1000

    def person(self, i):
        return {"email": f"person{i}@crm.example", "firstname": f"First{i}",
                "lastname": f"Last{i}" if i >= self.changed else f"Changed{i}",
                "phone": f"+1206555{i % 10000:04d}", "company": f"Company {i % 97}",
                "city": "Seattle", "country": "US",
                "lifecyclestage": "lead" if i % 3 else "customer"}


def iso(ms):
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def pd_time(ms):
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # headers and body leave at once, as from a real API's server (no 40 ms
    # wait for a delayed acknowledgement on a kept-alive connection)
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def send_json(self, code, obj, headers=None):
        body = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client went away (a test kills it on purpose)

    def gate(self):
        st = self.server.state
        with st.lock:
            st.requests += 1
            n = st.requests
        if st.args.delay_ms:
            time.sleep(st.args.delay_ms / 1000)
        if st.args.rate_limit and n % st.args.rate_limit == 0:
            with st.lock:
                st.limited += 1
            self.send_json(429, {"status": "error", "message": "You have reached your secondly limit.",
                                 "errorType": "RATE_LIMIT", "category": "RATE_LIMITS"},
                           {"Retry-After": "1"})
            return False
        return True

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(n) or b"{}")

    # --- HubSpot
    def hubspot_auth(self):
        if self.headers.get("Authorization") != "Bearer " + self.server.state.args.token:
            self.send_json(401, {"status": "error", "message": "Authentication credentials not found.",
                                 "category": "INVALID_AUTHENTICATION"})
            return False
        return True

    def hs_contact(self, i, props):
        st = self.server.state
        p = st.person(i)
        p["lastmodifieddate"] = iso(st.modified(i))
        p["hs_object_id"] = str(1000 + i)
        return {"id": str(1000 + i), "properties": {k: p.get(k) for k in props},
                "createdAt": iso(BASE_MS), "updatedAt": iso(st.modified(i)), "archived": False}

    def hs_deal(self, i, props, assoc):
        st = self.server.state
        stage = st.deal_stage.get(i, STAGES[i % len(STAGES)][0])
        p = {"dealname": f"Deal {i}", "amount": str(100 * (i + 1)), "dealstage": stage,
             "pipeline": "default", "closedate": iso(BASE_MS + 86400000 * 30),
             "deal_currency_code": "USD", "hs_lastmodifieddate": iso(st.modified(i))}
        d = {"id": str(5000 + i), "properties": {k: p.get(k) for k in props},
             "createdAt": iso(BASE_MS), "updatedAt": iso(st.modified(i)), "archived": False}
        if assoc:
            d["associations"] = {"contacts": {"results": [{"id": str(1000 + i), "type": "deal_to_contact"}]}}
        return d

    def hs_page(self, total, start, limit, make, since=None):
        st = self.server.state
        ids = [i for i in range(total) if since is None or st.modified(i) >= since]
        if since is not None:
            ids.sort(key=lambda i: (st.modified(i), i))
        chunk = ids[start:start + limit]
        out = {"results": [make(i) for i in chunk]}
        if since is not None:
            out["total"] = len(ids)
        if start + limit < len(ids):
            out["paging"] = {"next": {"after": str(start + limit), "link": f"?after={start + limit}"}}
        return out

    # --- Pipedrive
    def pipedrive_auth(self, q):
        if q.get("api_token", [""])[0] != self.server.state.args.token:
            self.send_json(401, {"success": False, "error": "unauthorized access", "errorCode": 401})
            return False
        return True

    def pd_person(self, i):
        st = self.server.state
        p = st.person(i)
        return {"id": 1000 + i, "name": f"{p['firstname']} {p['lastname']}", "first_name": p["firstname"],
                "last_name": p["lastname"], "email": [{"label": "work", "value": p["email"], "primary": True}],
                "phone": [{"label": "work", "value": p["phone"], "primary": True}],
                "org_name": p["company"], "add_time": pd_time(BASE_MS), "update_time": pd_time(st.modified(i))}

    def pd_deal(self, i):
        st = self.server.state
        status = ["open", "open", "open", "won", "lost"][i % 5]
        return {"id": 5000 + i, "title": f"Deal {i}", "value": 100 * (i + 1), "currency": "EUR",
                "status": status, "stage_id": 1 + i % 3, "pipeline_id": 1,
                "person_id": {"name": f"First{i}", "value": 1000 + i},
                "expected_close_date": "2026-02-01", "update_time": pd_time(st.modified(i))}

    def pd_page(self, total, start, limit, make, since=None, item=None):
        st = self.server.state
        ids = [i for i in range(total) if since is None or st.modified(i) >= since]
        chunk = ids[start:start + limit]
        if item:
            data = [{"item": item, "id": 1000 + i, "data": make(i)} for i in chunk]
        else:
            data = [make(i) for i in chunk]
        more = start + limit < len(ids)
        return {"success": True, "data": data or None,
                "additional_data": {"pagination": {"start": start, "limit": limit,
                                                   "more_items_in_collection": more,
                                                   **({"next_start": start + limit} if more else {})}}}

    def route(self, method):
        st = self.server.state
        url = urlparse(self.path)
        q = parse_qs(url.query)
        path = url.path
        if path == "/_stats":
            return self.send_json(200, {"requests": st.requests, "limited": st.limited,
                                        "writes": st.writes})
        if path == "/_control":
            b = self.body()
            with st.lock:
                st.changed = b.get("changed", st.changed)
                st.changed_at = b.get("at", st.changed_at)
                for k, v in b.get("dealStages", {}).items():
                    st.deal_stage[int(k)] = v
            return self.send_json(200, {"ok": True})
        if not self.gate():
            return
        args = st.args
        if path.startswith("/crm/v3/") or path.startswith("/crm/v4/"):
            if not self.hubspot_auth():
                return
            if path == "/crm/v3/pipelines/deals":
                return self.send_json(200, {"results": [{"id": "default", "label": "Sales Pipeline", "displayOrder": 0,
                    "stages": [{"id": s[0], "label": s[1], "displayOrder": n,
                                "metadata": {"probability": s[2], "isClosed": s[3]}}
                               for n, s in enumerate(STAGES)]}]})
            kind = path.split("/")[4]
            total = args.people if kind == "contacts" else args.deals
            if method == "GET" and path in ("/crm/v3/objects/contacts", "/crm/v3/objects/deals"):
                props = q.get("properties", [""])[0].split(",")
                limit = min(int(q.get("limit", ["10"])[0]), 100)
                start = int(q.get("after", ["0"])[0])
                assoc = "contacts" in q.get("associations", [""])[0]
                make = (lambda i: self.hs_contact(i, props)) if kind == "contacts" else (lambda i: self.hs_deal(i, props, assoc))
                return self.send_json(200, self.hs_page(total, start, limit, make))
            if method == "POST" and path == "/crm/v4/associations/deals/contacts/batch/read":
                ids = [int(i["id"]) - 5000 for i in self.body()["inputs"]]
                return self.send_json(200, {"status": "COMPLETE", "results": [
                    {"from": {"id": str(5000 + i)},
                     "to": [{"toObjectId": 1000 + i, "associationTypes": [
                         {"category": "HUBSPOT_DEFINED", "typeId": 3, "label": None}]}]}
                    for i in ids]})
            if method == "POST" and path == "/crm/v3/objects/contacts/batch/update":
                inputs = self.body()["inputs"]
                assert len(inputs) <= 100, len(inputs)
                with st.lock:
                    for i in inputs:
                        st.writes.setdefault(i["id"], {}).update(i["properties"])
                return self.send_json(200, {"status": "COMPLETE", "results": [
                    {"id": i["id"], "properties": i["properties"]} for i in inputs]})
            if method == "POST" and path.endswith("/search"):
                b = self.body()
                f = b["filterGroups"][0]["filters"][0]
                assert f["operator"] == "GTE", f
                props = b.get("properties", [])
                limit = min(int(b.get("limit", 10)), 200)
                start = int(b.get("after", "0"))
                # as HubSpot's: search results carry no associations
                make = (lambda i: self.hs_contact(i, props)) if kind == "contacts" else (lambda i: self.hs_deal(i, props, False))
                return self.send_json(200, self.hs_page(total, start, limit, make, since=int(f["value"])))
        if path.startswith("/v1/"):
            if not self.pipedrive_auth(q):
                return
            start = int(q.get("start", ["0"])[0])
            limit = min(int(q.get("limit", ["100"])[0]), 500)
            if path == "/v1/stages":
                return self.send_json(200, {"success": True, "data": [
                    {"id": n + 1, "order_nr": n + 1, "name": name, "pipeline_id": 1, "pipeline_name": "Pipeline",
                     "deal_probability": prob} for n, (name, prob) in enumerate([("Qualified", 10), ("Proposal made", 50), ("Negotiations started", 80)])]})
            if method == "PUT" and path.startswith("/v1/persons/"):
                pid = path.rsplit("/", 1)[1]
                with st.lock:
                    st.writes.setdefault(pid, {}).update(self.body())
                return self.send_json(200, {"success": True, "data": {"id": int(pid)}})
            if path == "/v1/persons":
                return self.send_json(200, self.pd_page(args.people, start, limit, self.pd_person))
            if path == "/v1/deals":
                return self.send_json(200, self.pd_page(args.deals, start, limit, self.pd_deal))
            if path == "/v1/recents":
                since = datetime.strptime(q["since_timestamp"][0], "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)
                since_ms = int(since.timestamp() * 1000)
                item = q["items"][0]
                if item == "person":
                    return self.send_json(200, self.pd_page(args.people, start, limit, self.pd_person, since_ms, "person"))
                return self.send_json(200, self.pd_page(args.deals, start, limit, self.pd_deal, since_ms, "deal"))
        self.send_json(404, {"status": "error", "message": "not found: " + path})

    def do_GET(self):
        self.route("GET")

    def do_POST(self):
        self.route("POST")

    def do_PATCH(self):
        self.route("PATCH")

    def do_PUT(self):
        self.route("PUT")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("port_file")
    ap.add_argument("--people", type=int, default=250)
    ap.add_argument("--deals", type=int, default=20)
    ap.add_argument("--token", default="secret-token")
    ap.add_argument("--rate-limit", type=int, default=0)
    ap.add_argument("--delay-ms", type=int, default=0)
    ap.add_argument("--changed", type=int, default=0)
    args = ap.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.state = State(args)
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    import os
    os.replace(args.port_file + ".tmp", args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
