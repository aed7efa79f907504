"""FastAPI app: the JSON API of ../shared/schema/interfaces.md and the Vietnamese web page.

The backend is chosen by configuration (``THIDUA_BACKEND``, ``THIDUA_ES_URL``) and injected
through ``create_app(service_factory=...)``, one Service per worker thread. Errors are JSON ``{"error", "detail"}``: 4xx for bad
requests, 503 when the search engine is unreachable or no index exists yet.
"""

from __future__ import annotations

import hmac
import os
import threading
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import anyio.to_thread
from fastapi import FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from thidua import __version__
from thidua.api import exports
from thidua.api.cache import BodyLimitMiddleware, CacheMiddleware, watched_files
from thidua.api.schemas import (
    AwardRows,
    CampaignList,
    Citations,
    DocumentOut,
    ErrorBody,
    Launches,
    ReferenceList,
)
from thidua.api.service import FACET_FILTERS, NotFound, Service
from thidua.index.base import BackendUnavailable, IndexMissing
from thidua.index.facets import FACETS
from thidua.index.models import SearchQuery, SearchResult

HERE = Path(__file__).parent
MAX_BODY = 1_000_000  # bytes a request may send
DEFAULT_THREADS = 4  # worker threads per server process (THIDUA_API_THREADS)
FACET_LABELS = {f.name: f.label for f in FACETS}
KIND_LABELS = {
    "chi_thi": "Chỉ thị", "nghi_quyet": "Nghị quyết", "ket_luan": "Kết luận", "ke_hoach": "Kế hoạch",
    "quyet_dinh": "Quyết định", "chuong_trinh": "Chương trình", "cong_van": "Công văn", "thong_bao": "Thông báo",
    "huong_dan": "Hướng dẫn", "nghi_dinh": "Nghị định", "thong_tu": "Thông tư", "luat": "Luật",
    "bao_cao": "Báo cáo", "to_trinh": "Tờ trình", "other": "Văn bản",
}
LEVEL_LABELS = {"province": "tỉnh/thành", "district": "quận/huyện", "ward": "phường", "commune": "xã", "town": "thị trấn"}
AWARD_FILTERS = [("province", "Tỉnh/thành"), ("district", "Quận/huyện"), ("year", "Năm"), ("award", "Hình thức"),
                 ("grantor", "Cấp tặng"), ("recipient", "Đối tượng")]


def default_service() -> Service:
    from thidua.corpus.store import CorpusStore
    from thidua.index.base import open_backend

    return Service(open_backend(), CorpusStore.open())


def json_response(model: BaseModel) -> Response:
    """The model as JSON bytes, serialised once by pydantic-core: a Response is sent as is, where a
    returned model would be validated again against ``response_model`` (in another thread-pool
    hop) and encoded twice. The OpenAPI schema still comes from the route's ``response_model``."""
    return Response(model.__pydantic_serializer__.to_json(model), media_type="application/json")


def _watched_files(app: FastAPI) -> list[Path] | None:
    """The files behind the answers of this app's services (see cache.watched_files)."""
    svc = app.state.service_factory()
    try:
        return watched_files(svc)
    finally:
        svc.backend.close()
        if svc.store is not None:
            svc.store.close()


_local = threading.local()


def get_service(request: Request) -> Service:
    """The service of this worker thread: SQLite connections (the embedded index keeps per-query
    temp tables, the corpus store its own connection) are never shared between threads."""
    factory = request.app.state.service_factory
    cached = getattr(_local, "services", None)
    if cached is None:
        cached = _local.services = {}
    svc = cached.get(id(factory))
    if svc is None:
        svc = cached[id(factory)] = factory()
    svc.refresh()
    return svc


def create_app(service_factory: Callable[[], Service] | None = None) -> FastAPI:
    """The app; ``service_factory`` builds one Service per worker thread (default: from configuration)."""
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # Requests run in the thread pool, one Service (SQLite connections, tantivy searcher, page
        # caches) per thread. The work is CPU-bound: anyio's 40 threads add GIL switching and 40
        # cold caches. Measured at 100k documents, 2 processes, 50 clients: a computed request costs
        # less CPU with 4 threads than with 40 (awards 20-24 vs 25-32 ms); requests/s within noise.
        threads = int(os.environ.get("THIDUA_API_THREADS", DEFAULT_THREADS))
        if threads > 0:
            anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="thidua",
        version=__version__,
        description="Phong trào thi đua và khen thưởng: tìm kiếm, trích dẫn văn bản, thống kê khen thưởng.",
        responses={400: {"model": ErrorBody}, 404: {"model": ErrorBody}, 503: {"model": ErrorBody}},
    )
    app.state.service_factory = service_factory or default_service
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    # --- errors: JSON for the API, a page for the web ------------------------------------
    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith(("/api", "/healthz", "/docs", "/openapi"))

    def error(request: Request, status: int, message: str, detail: Any = None):
        if wants_html(request):
            return templates.TemplateResponse(request, "error.html", {
                "title": {404: "Không tìm thấy", 503: "Dịch vụ tìm kiếm chưa sẵn sàng"}.get(status, "Yêu cầu không hợp lệ"),
                "message": message, "q": "", "nav": "", "backend_name": ""}, status_code=status)
        return JSONResponse({"error": message, "detail": detail}, status_code=status)

    @app.exception_handler(BackendUnavailable)
    async def _unavailable(request: Request, exc: BackendUnavailable):
        return error(request, 503, f"search engine unreachable: {exc}", "start it, or use THIDUA_BACKEND=sqlite")

    @app.exception_handler(IndexMissing)
    async def _missing(request: Request, exc: IndexMissing):
        return error(request, 503, f"no search index yet: {exc}", "run `thidua index` (or `thidua demo`)")

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound):
        return error(request, 404, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in exc.errors()]
        return error(request, 400, "invalid request parameters", detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        return error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(ValueError)
    async def _value(request: Request, exc: ValueError):  # unknown facet, bad filter value…
        return error(request, 400, str(exc))

    # plain ASGI (not @app.middleware("http"), which costs a task and a stream per request)
    app.add_middleware(CacheMiddleware, files=lambda: _watched_files(app))
    app.add_middleware(BodyLimitMiddleware, limit=MAX_BODY)

    # --- API ---------------------------------------------------------------------------
    def facet_filters(request: Request) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for name in FACET_LABELS:
            values = [v for v in request.query_params.getlist(name) if v.strip()]
            if values:
                out[name] = values
        return out

    @app.get("/api/search", response_model=SearchResult, tags=["search"],
             summary="Full-text search with facets; facet filters as repeated query parameters (?province=Hà Nội)")
    def api_search(
        request: Request,
        q: Annotated[str, Query(max_length=500)] = "",
        page: Annotated[int, Query(ge=1, le=1000)] = 1,
        size: Annotated[int, Query(ge=0, le=100)] = 10,
        province: Annotated[list[str] | None, Query(max_length=200)] = None,
        district: Annotated[list[str] | None, Query(max_length=200)] = None,
        year: Annotated[list[str] | None, Query(max_length=20)] = None,
        reference: Annotated[list[str] | None, Query(max_length=200)] = None,
        kind: Annotated[list[str] | None, Query(max_length=50)] = None,
        issuer: Annotated[list[str] | None, Query(max_length=200)] = None,
        campaign: Annotated[list[str] | None, Query(max_length=500)] = None,
        award: Annotated[list[str] | None, Query(max_length=200)] = None,
    ):
        result = get_service(request).search(SearchQuery(q=q, page=page, size=size, filters=facet_filters(request)))
        return json_response(result)

    @app.get("/api/documents/{doc_id}", response_model=DocumentOut, tags=["documents"])
    def api_document(request: Request, doc_id: str):
        return get_service(request).document(doc_id)

    @app.get("/api/references", response_model=ReferenceList, tags=["references"],
             summary="Referenced documents, most cited first")
    def api_references(request: Request, q: Annotated[str, Query(max_length=200)] = "",
                       limit: Annotated[int, Query(ge=1, le=200)] = 50):
        return ReferenceList(references=get_service(request).references(q, limit))

    @app.get("/api/citations", response_model=Citations, tags=["references"],
             summary="Articles citing a reference (typed as users type it: 34-CT/TW, 34 ct tw)")
    def api_citations(request: Request, ref: Annotated[str, Query(min_length=1, max_length=200)],
                      limit: Annotated[int, Query(ge=1, le=500)] = 200):
        return get_service(request).citations(ref, limit=limit)

    @app.get("/api/campaigns", response_model=CampaignList, tags=["campaigns"])
    def api_campaigns(request: Request, q: Annotated[str, Query(max_length=300)] = "",
                      limit: Annotated[int, Query(ge=1, le=200)] = 50):
        return CampaignList(campaigns=get_service(request).campaigns(q, limit))

    @app.get("/api/campaigns/{campaign_id}/launches", response_model=Launches, tags=["campaigns"],
             summary="Units that launched or carried out a campaign; with ?province= its districts without one")
    def api_launches(request: Request, campaign_id: str, province: Annotated[str | None, Query(max_length=100)] = None):
        return get_service(request).launches(campaign_id, province)

    @app.get("/api/awards", tags=["awards"], response_model=AwardRows,
             summary="Award tally rows; format=csv|xlsx streams every matching row as a file",
             responses={200: {"content": {"text/csv": {}, exports.MEDIA_TYPES["xlsx"]: {}}}})
    def api_awards(
        request: Request,
        format: Annotated[str, Query(pattern="^(json|csv|xlsx)$")] = "json",
        size: Annotated[int, Query(ge=1, le=1000)] = 100,
        include_proposed: bool = False,
        province: Annotated[list[str] | None, Query(max_length=200)] = None,
        district: Annotated[list[str] | None, Query(max_length=200)] = None,
        year: Annotated[list[str] | None, Query(max_length=20)] = None,
        award: Annotated[list[str] | None, Query(max_length=200)] = None,
        grantor: Annotated[list[str] | None, Query(max_length=200)] = None,
        recipient: Annotated[list[str] | None, Query(max_length=100)] = None,
        award_class: Annotated[list[str] | None, Query(max_length=100)] = None,
    ):
        svc = get_service(request)
        filters = award_filters(request)
        if format == "json":
            return json_response(svc.awards(filters, include_proposed, size=size))
        # The stream is read chunk by chunk from the thread pool: give it its own service (its own
        # connections), used by one thread at a time, never at once with this thread's requests.
        stream_svc = request.app.state.service_factory()
        rows = (r.model_dump() for r in stream_svc.award_rows(filters, include_proposed))
        headers = {"Content-Disposition": f'attachment; filename="thidua-awards.{format}"'}
        return StreamingResponse(exports.export_chunks(rows, format), media_type=exports.MEDIA_TYPES[format],
                                 headers=headers)

    def award_filters(request: Request) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for name in (*FACET_FILTERS, "grantor", "recipient", "award_class"):
            values = [v for v in request.query_params.getlist(name) if v.strip()]
            if values:
                out[name] = values
        return out

    @app.get("/healthz", tags=["ops"])
    def healthz(request: Request):
        try:
            health = get_service(request).backend.health()
        except (BackendUnavailable, IndexMissing) as exc:
            return JSONResponse({"ok": False, "backend": "", "error": "search engine unavailable", "detail": str(exc)},
                                status_code=503)
        body = health.model_dump()
        if not health.ok:
            body["error"] = "search engine not ready"
        return JSONResponse(body, status_code=200 if health.ok else 503)

    @app.post("/api/reindex", tags=["ops"], summary="Rebuild the index from the corpus (needs the API token)")
    def api_reindex(request: Request, authorization: Annotated[str | None, Header()] = None):
        require_token(authorization)
        svc = get_service(request)
        from thidua.index.base import as_indexed

        report = svc.backend.rebuild(as_indexed(svc.store.iter_documents()))
        return {"indexed": report.indexed, "failed": report.failed, "seconds": round(report.seconds, 3)}

    def require_token(authorization: str | None) -> None:
        token = os.environ.get("THIDUA_API_TOKEN")
        if not token:
            raise HTTPException(403, "writes are disabled: set THIDUA_API_TOKEN on the server to enable them")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "a valid token is needed: send 'Authorization: Bearer <THIDUA_API_TOKEN>'")

    # --- web page ----------------------------------------------------------------------
    def page(request: Request, name: str, **ctx):
        svc = get_service(request)
        ctx.setdefault("q", "")
        ctx.update(backend_name=getattr(svc.backend, "name", ""), facet_labels=FACET_LABELS,
                   kind_labels=KIND_LABELS, level_labels=LEVEL_LABELS)
        return templates.TemplateResponse(request, name, ctx)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def web_search(request: Request, q: Annotated[str, Query(max_length=500)] = "",
                   page_no: Annotated[int, Query(alias="page", ge=1, le=1000)] = 1):
        svc = get_service(request)
        filters = facet_filters(request)
        result = svc.search(SearchQuery(q=q, page=page_no, size=10, filters=filters))
        base = [("q", q)] if q else []
        selected = [(k, v) for k, vs in filters.items() for v in vs]

        def url_with(pairs):
            return "/?" + urlencode(pairs) if pairs else "/"

        facets: dict[str, list[dict]] = {}
        for name, values in result.facets.items():
            facets[name] = []
            for v in values:
                on = (name, v.value) in selected
                pairs = base + ([p for p in selected if p != (name, v.value)] if on else selected + [(name, v.value)])
                facets[name].append({"value": v.value, "count": v.count, "selected": on, "toggle_url": url_with(pairs),
                                     "label": KIND_LABELS.get(v.value) if name == "kind" else None})
        active = [{"facet": k, "value": v, "toggle_url": url_with(base + [p for p in selected if p != (k, v)])}
                  for k, v in selected]
        pages = max(1, -(-result.total // 10))
        return page(request, "search.html", nav="search", q=q, result={"total": result.total, "hits": result.hits,
                    "facets": facets}, active=active, page=page_no, pages=min(pages, 1000),
                    page_url=lambda n: url_with(base + selected + [("page", n)]))

    @app.get("/tai-lieu/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def web_document(request: Request, doc_id: str):
        from thidua.nlp.models import Extraction
        from thidua.nlp.spacy_view import render_html

        doc = get_service(request).document(doc_id)
        ex = Extraction.from_dict(doc.extraction)
        return page(request, "document.html", nav="", doc=doc, ex=ex, marked=render_html(ex, doc.text))

    @app.get("/van-ban", response_class=HTMLResponse, include_in_schema=False)
    def web_references(request: Request, ref_q: Annotated[str, Query(max_length=200)] = ""):
        return page(request, "references.html", nav="refs", ref_q=ref_q,
                    refs=get_service(request).references(ref_q, limit=100))

    @app.get("/van-ban/{ref:path}", response_class=HTMLResponse, include_in_schema=False)
    def web_directive(request: Request, ref: str):
        c = get_service(request).citations(ref)
        return page(request, "directive.html", nav="refs", c=c,
                    timeline_items=[(str(t.year), t.count) for t in c.timeline]
                    + ([("chưa rõ năm", c.undated)] if c.undated else []))

    @app.get("/phong-trao", response_class=HTMLResponse, include_in_schema=False)
    def web_campaigns(request: Request, camp_q: Annotated[str, Query(max_length=300)] = ""):
        return page(request, "campaigns.html", nav="campaigns", camp_q=camp_q,
                    campaigns=get_service(request).campaigns(camp_q, limit=200))

    @app.get("/phong-trao/{campaign_id}", response_class=HTMLResponse, include_in_schema=False)
    def web_campaign(request: Request, campaign_id: str,
                     province: Annotated[str | None, Query(max_length=100)] = None):
        launches = get_service(request).launches(campaign_id, province or None)
        return page(request, "campaign.html", nav="campaigns", l=launches, province=province)

    @app.get("/khen-thuong", response_class=HTMLResponse, include_in_schema=False)
    def web_awards(request: Request, include_proposed: bool = False):
        svc = get_service(request)
        filters = award_filters(request)
        rows = svc.awards(filters, include_proposed, size=200)
        chart = [(t["award"][:18], t["count"]) for t in rows.totals[:12]]
        flat = {k: v[0] for k, v in filters.items()}
        pairs = [(k, v) for k, vs in filters.items() for v in vs]
        if include_proposed:
            pairs.append(("include_proposed", "true"))
        return page(request, "awards.html", nav="awards", rows=rows, chart=chart, filters=flat,
                    filter_fields=AWARD_FILTERS, include_proposed=include_proposed, query_string=urlencode(pairs))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    @app.get("/api", include_in_schema=False)
    def api_root():
        return RedirectResponse("/docs")

    return app
