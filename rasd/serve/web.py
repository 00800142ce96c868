"""The web app's pages: map, timeline, event list, event, story, actor and search — Arabic first, English on
one click.

Pages are rendered on the server (Jinja2) and work without JavaScript except the map and the timeline,
which draw from the API with the vendored Leaflet and plain SVG. The language comes from ``?lang=`` (which
also sets a cookie) or the cookie; Arabic pages are right-to-left.
"""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from rasd.model import Actor, Event, Place, Span
from rasd.serve.api import event_filters
from rasd.store.base import ArticleQuery, EventQuery, SearchQuery
from rasd.store.sql import SqlStore

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
LANG_COOKIE = "rasd_lang"
FILTER_NAMES = (
    "date_from",
    "date_to",
    "country",
    "admin1",
    "plover",
    "acled_event_type",
    "actor",
    "source",
    "modality",
    "story",
)
PLOVER_TYPES = (
    "ASSAULT",
    "COERCE",
    "MOBILIZE",
    "PROTEST",
    "THREATEN",
    "SANCTION",
    "ACCUSE",
    "REJECT",
    "REQUEST",
    "CONSULT",
    "AGREE",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "CONCEDE",
    "RETREAT",
)
# Marker and bar colours by PLOVER type: violence in reds, coercion in oranges, talk in blues and greens.
PLOVER_COLORS = {
    "ASSAULT": "#c0392b",
    "COERCE": "#e67e22",
    "MOBILIZE": "#d35400",
    "PROTEST": "#8e44ad",
    "THREATEN": "#e74c3c",
    "SANCTION": "#b7950b",
    "ACCUSE": "#a04000",
    "REJECT": "#7f8c8d",
    "REQUEST": "#5dade2",
    "CONSULT": "#2471a3",
    "AGREE": "#1e8449",
    "SUPPORT": "#52be80",
    "COOPERATE": "#148f77",
    "AID": "#27ae60",
    "CONCEDE": "#76d7c4",
    "RETREAT": "#95a5a6",
}
MODALITIES = ("asserted", "reported", "claimed", "denied", "planned", "hypothetical", "negated")

LABELS: dict[str, dict[str, str]] = {
    "ar": {
        "app": "رصد",
        "map": "الخريطة",
        "timeline": "الخط الزمني",
        "events": "الأحداث",
        "stories": "القصص",
        "articles": "المقالات",
        "search": "بحث",
        "search_placeholder": "ابحث في الأخبار…",
        "switch": "English",
        "filters": "تصفية",
        "apply": "تطبيق",
        "reset": "مسح",
        "date_from": "من تاريخ",
        "date_to": "إلى تاريخ",
        "country": "الدولة",
        "admin1": "المحافظة",
        "plover": "نوع الحدث",
        "acled_event_type": "نوع ACLED",
        "actor": "الفاعل",
        "source": "المصدر",
        "modality": "الصيغة",
        "story": "القصة",
        "any": "الكل",
        "date": "التاريخ",
        "type": "النوع",
        "mode": "الأسلوب",
        "acled": "تصنيف ACLED",
        "actor1": "الفاعل الأول",
        "actor2": "الفاعل الثاني",
        "assoc_actors": "فاعلون مشاركون",
        "location": "المكان",
        "fatalities": "القتلى",
        "confidence": "الثقة",
        "summary": "الملخص",
        "sources": "المصادر",
        "evidence": "الدليل في النص",
        "article": "المقال",
        "open_event": "فتح الحدث",
        "no_results": "لا نتائج",
        "results": "نتيجة",
        "events_count": "حدثاً",
        "where": "أين",
        "with_whom": "مع من",
        "over_time": "عبر الزمن",
        "outlets": "المنافذ",
        "precision": "الدقة",
        "next": "التالي",
        "previous": "السابق",
        "none": "—",
    },
    "en": {
        "app": "Rasd",
        "map": "Map",
        "timeline": "Timeline",
        "events": "Events",
        "stories": "Stories",
        "articles": "Articles",
        "search": "Search",
        "search_placeholder": "Search the news…",
        "switch": "العربية",
        "filters": "Filters",
        "apply": "Apply",
        "reset": "Clear",
        "date_from": "From",
        "date_to": "To",
        "country": "Country",
        "admin1": "Province",
        "plover": "Event type",
        "acled_event_type": "ACLED type",
        "actor": "Actor",
        "source": "Source",
        "modality": "Modality",
        "story": "Story",
        "any": "Any",
        "date": "Date",
        "type": "Type",
        "mode": "Mode",
        "acled": "ACLED category",
        "actor1": "Actor 1",
        "actor2": "Actor 2",
        "assoc_actors": "Associated actors",
        "location": "Location",
        "fatalities": "Fatalities",
        "confidence": "Confidence",
        "summary": "Summary",
        "sources": "Sources",
        "evidence": "Evidence in the text",
        "article": "Article",
        "open_event": "Open the event",
        "no_results": "No results",
        "results": "results",
        "events_count": "events",
        "where": "Where",
        "with_whom": "With whom",
        "over_time": "Over time",
        "outlets": "Outlets",
        "precision": "Precision",
        "next": "Next",
        "previous": "Previous",
        "none": "—",
    },
}
PLOVER_AR = {
    "ASSAULT": "اعتداء",
    "COERCE": "إكراه",
    "MOBILIZE": "تعبئة",
    "PROTEST": "احتجاج",
    "THREATEN": "تهديد",
    "SANCTION": "عقوبة",
    "ACCUSE": "اتهام",
    "REJECT": "رفض",
    "REQUEST": "طلب",
    "CONSULT": "تشاور",
    "AGREE": "اتفاق",
    "SUPPORT": "دعم",
    "COOPERATE": "تعاون",
    "AID": "مساعدة",
    "CONCEDE": "تنازل",
    "RETREAT": "انسحاب",
}
MODALITY_AR = {
    "asserted": "مؤكد",
    "reported": "منقول",
    "claimed": "مُدّعى",
    "denied": "منفي",
    "planned": "مخطط",
    "hypothetical": "افتراضي",
    "negated": "لم يقع",
}


def language(request: Request) -> str:
    """``ar`` or ``en``: the ``lang`` parameter, else the cookie, else Arabic."""
    chosen = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE) or "ar"
    return "en" if chosen == "en" else "ar"


def highlight(text: str, spans: list[Span]) -> Markup:
    """``text`` as HTML with each span in ``<mark class="evidence">`` (overlapping spans merged)."""
    pieces: list[str] = []
    cursor = 0
    for start, end in _merged([(s.start, s.end) for s in spans if 0 <= s.start < s.end <= len(text)]):
        pieces.append(html.escape(text[cursor:start]))
        pieces.append('<mark class="evidence">' + html.escape(text[start:end]) + "</mark>")
        cursor = end
    pieces.append(html.escape(text[cursor:]))
    return Markup("".join(pieces).replace("\n\n", "</p><p>").replace("\n", "<br>"))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class Names:
    """How names, types and summaries read in the page's language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def actor(self, actor: Actor | None) -> str:
        if actor is None:
            return "—"
        if self.lang == "en":
            return actor.name_en or actor.name_ar
        return actor.name_ar or actor.name_en or "—"

    def place(self, place: Place | None) -> str:
        if place is None:
            return "—"
        name = (
            (place.name_en or place.name_ar) if self.lang == "en" else (place.name_ar or place.name_en or "")
        )
        where = [p for p in (place.admin1, place.country) if p]
        return f"{name} ({', '.join(where)})" if where else name

    def plover(self, plover: str) -> str:
        return plover if self.lang == "en" else PLOVER_AR.get(plover, plover)

    def modality(self, modality: str) -> str:
        return modality if self.lang == "en" else MODALITY_AR.get(modality, modality)

    def summary(self, event: Event) -> str:
        if self.lang == "en":
            return event.summary_en or event.summary_ar or ""
        return event.summary_ar or event.summary_en or ""


def web_router(store: SqlStore) -> APIRouter:
    """The HTML pages over ``store``."""
    router = APIRouter(include_in_schema=False)

    def render(request: Request, template: str, **context: Any) -> HTMLResponse:
        lang = language(request)
        filters = {k: request.query_params.get(k, "") for k in FILTER_NAMES}
        switch_params = {k: v for k, v in request.query_params.items() if k != "lang"}
        switch_params["lang"] = "ar" if lang == "en" else "en"
        response = TEMPLATES.TemplateResponse(
            request,
            template,
            {
                "lang": lang,
                "dir": "rtl" if lang == "ar" else "ltr",
                "t": LABELS[lang],
                "names": Names(lang),
                "filters": filters,
                "filter_query": urlencode({k: v for k, v in filters.items() if v}),
                "switch_url": request.url.path + "?" + urlencode(switch_params),
                "plover_types": PLOVER_TYPES,
                "plover_colors": PLOVER_COLORS,
                "modalities": MODALITIES,
                **context,
            },
        )
        if request.query_params.get("lang") in ("ar", "en"):
            response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax")
        return response

    def filters_of(request: Request) -> EventQuery:
        params = {k: request.query_params.get(k) or None for k in FILTER_NAMES}
        return event_filters(**params)

    @router.get("/", response_class=HTMLResponse)
    def map_page(request: Request) -> HTMLResponse:
        stats = store.stats()
        return render(request, "map.html", stats=stats, sources=sorted(stats["sources"]))

    @router.get("/timeline", response_class=HTMLResponse)
    def timeline_page(request: Request) -> HTMLResponse:
        stats = store.stats()
        return render(request, "timeline.html", stats=stats, sources=sorted(stats["sources"]))

    @router.get("/events", response_class=HTMLResponse)
    def events_page(request: Request, offset: int = 0) -> HTMLResponse:
        query = filters_of(request)
        query.limit, query.offset = 51, max(0, offset)
        events = store.list_events(query)
        stats = store.stats()
        return render(
            request,
            "events.html",
            events=events[:50],
            total=store.count_events(filters_of(request)),
            next_offset=offset + 50 if len(events) > 50 else None,
            offset=offset,
            sources=sorted(stats["sources"]),
        )

    @router.get("/events/{event_id}", response_class=HTMLResponse)
    def event_page(request: Request, event_id: str) -> HTMLResponse:
        event = store.get_event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id}")
        annotated = store.get_article(event.article_id)
        article = annotated.article if annotated else None
        body = highlight(article.text, event.evidence) if article else Markup("")
        story = store.get_story(event.story_id) if event.story_id else None
        return render(request, "event.html", event=event, article=article, body=body, story=story)

    @router.get("/stories", response_class=HTMLResponse)
    def stories_page(request: Request) -> HTMLResponse:
        return render(request, "stories.html", stories=store.list_stories(200))

    @router.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        story = store.get_story(story_id)
        if story is None:
            raise HTTPException(404, f"no story {story_id}")
        events = store.list_events(EventQuery(story_id=story_id, limit=1000))
        events.sort(key=lambda e: (e.date or "", e.id))
        articles = [a.article for a in (store.get_article(i) for i in story.article_ids) if a is not None]
        articles.sort(key=lambda a: a.published or "")
        return render(request, "story.html", story=story, events=events, articles=articles)

    @router.get("/actors/{actor_id}", response_class=HTMLResponse)
    def actor_page(request: Request, actor_id: str) -> HTMLResponse:
        events = store.list_events(EventQuery(actor=actor_id, limit=1000))
        entity = next(iter(store.list_entities(name=actor_id, limit=1)), None)
        if not events and entity is None:
            raise HTTPException(404, f"no actor {actor_id}")
        actor = next(
            (a for e in events for a in (e.actor1, e.actor2) if a is not None and a.id == actor_id), None
        )
        partners: Counter[str] = Counter()
        partner_actor: dict[str, Actor] = {}
        months: Counter[str] = Counter()
        for event in events:
            months[(event.date or "")[:7] or "?"] += 1
            for other in (event.actor1, event.actor2):
                if other is not None and other.id != actor_id:
                    key = other.id or other.name_ar
                    partners[key] += 1
                    partner_actor[key] = other
        places = store.list_places(EventQuery(actor=actor_id, limit=20))
        return render(
            request,
            "actor.html",
            actor=actor,
            actor_id=actor_id,
            entity=entity,
            events=events,
            months=sorted(months.items()),
            max_month=max(months.values(), default=1),
            partners=[(partner_actor[k], n) for k, n in partners.most_common(15)],
            places=places,
        )

    @router.get("/search", response_class=HTMLResponse)
    def search_page(request: Request, q: str = "", offset: int = 0) -> HTMLResponse:
        hits = []
        plan = None
        if q.strip():
            f = filters_of(request)
            query = SearchQuery(
                q,
                date_from=f.date_from,
                date_to=f.date_to,
                source=f.source,
                country=f.country,
                admin1=f.admin1,
                plover=f.plover,
                acled_event_type=f.acled_event_type,
                actor=f.actor,
                modality=f.modality,
                story_id=f.story_id,
                limit=21,
                offset=max(0, offset),
            )
            hits = store.search(query)
            plan = store.plan(q)
        return render(
            request,
            "search.html",
            q=q,
            hits=[(h, Markup(h.snippet)) for h in hits[:20]],
            plan=plan,
            next_offset=offset + 20 if len(hits) > 20 else None,
        )

    @router.get("/articles", response_class=HTMLResponse)
    def articles_page(request: Request) -> HTMLResponse:
        items = store.list_articles(ArticleQuery(limit=200))
        return render(request, "index.html", articles=[a.article for a in items])

    @router.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        found = store.get_article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id}")
        spans = [s for e in found.events for s in e.evidence]
        return render(
            request,
            "article.html",
            article=found.article,
            body=highlight(found.article.text, spans),
            events=found.events,
        )

    return router
