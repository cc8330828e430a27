"""schemathesis hooks for scripts/api-fuzz.sh (R54): a check that no role gets an answer it
should not get. Loaded with SCHEMATHESIS_HOOKS=api_roles_check; configured by environment:

  POLKU_FUZZ_MATRIX     scripts/api-roles.json (operation -> "public", "signed_in" or roles)
  POLKU_FUZZ_ROLE       the role the token holds, or "anonymous" for no token
  POLKU_FUZZ_PROJECTS   comma-separated project ids of the role's grants (from /api/v1/me)
  POLKU_FUZZ_EMPLOYERS  for an employer user: the employer ids they represent

It fails when
  * there is no token and an operation that is not public answers anything but 401 (or the
    cross-site refusal, 403 `cross_site_request`, of an unsafe request that carries a cookie);
  * a role gets a 2xx on an operation its role may not call (the matrix);
  * a 2xx answer names a project other than the role's own (every role but admin, whose
    grant is not tied to a project), or, for an employer user, an employer they do not
    represent: another project's or employer's data.
"""

import json
import os
import re
from urllib.parse import urlsplit

import schemathesis

with open(os.environ["POLKU_FUZZ_MATRIX"], encoding="utf-8") as f:
    MATRIX = json.load(f)["operations"]
ROLE = os.environ.get("POLKU_FUZZ_ROLE", "anonymous")
PROJECTS = {p for p in os.environ.get("POLKU_FUZZ_PROJECTS", "").split(",") if p}
EMPLOYERS = {e for e in os.environ.get("POLKU_FUZZ_EMPLOYERS", "").split(",") if e}
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
PROJECT_KEYS = {"project", "project_id"}
EMPLOYER_KEYS = {"employer", "employer_id"}


def admitted(op):
    who = MATRIX.get(op)
    if who is None:
        raise AssertionError(f"{op} is missing from scripts/api-roles.json")
    if who == "public":
        return True
    if ROLE == "anonymous":
        return False
    return who == "signed_in" or ROLE in who


def routed(template, url):
    """Whether the request's path reached the operation's route at all (a generated empty or
    odd path parameter can miss every route and get the router's 404 before any policy)."""
    pattern = "^" + re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(template)) + "$"
    return re.match(pattern, urlsplit(url).path) is not None


def cross_site(response):
    try:
        return response.json()["error"]["code"] == "cross_site_request"
    except (ValueError, KeyError, TypeError):
        return False


def strings(value, key=None):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v, key)
    elif isinstance(value, str) and key is not None:
        yield key, value


@schemathesis.check
def polku_role_matrix(ctx, response, case):
    op = f"{case.operation.method.upper()} {case.operation.path}"
    if response.request.method.upper() != case.operation.method.upper():
        # An undocumented method (schemathesis' TRACE probes): the router's 405, checked by
        # status_code_conformance, not an operation of the matrix.
        return
    status = response.status_code
    if not admitted(op):
        if ROLE == "anonymous":
            if status == 403 and cross_site(response):
                # An unsafe request carrying a cookie but neither Origin nor Sec-Fetch-Site is
                # refused as cross-site before any session is looked at (R23, docs/API.md).
                return
            if status != 401 and routed(case.operation.path, response.request.url):
                raise AssertionError(f"{op} without a token answered {status}, not 401")
        elif 200 <= status < 300:
            raise AssertionError(f"{ROLE} got {status} from {op}, which the role may not call")
        return
    if not 200 <= status < 300:
        return
    ctype = response.headers.get("content-type") or response.headers.get("Content-Type") or ""
    if isinstance(ctype, list):
        ctype = ctype[0] if ctype else ""
    if "json" not in ctype:
        return
    try:
        body = response.json()
    except ValueError:
        return
    for key, value in strings(body):
        if not UUID.match(value):
            continue
        if key in PROJECT_KEYS and ROLE not in ("admin", "anonymous") and value not in PROJECTS:
            raise AssertionError(f"{ROLE} got project {value}'s data from {op}, not its own")
        if key in EMPLOYER_KEYS and ROLE == "employer" and value not in EMPLOYERS:
            raise AssertionError(f"the employer user got employer {value}'s data from {op}")
