"""HTML pages → articles: trafilatura + htmldate with the Arabic outlets' clean-up on top."""

from __future__ import annotations

from pathlib import Path

from rasd.extract.html import extract_html, leading_dateline
from rasd.ingest.html import decode_html, html_document

PAGE = """<!doctype html><html lang="ar"><head><meta charset="{charset}">
<title>الجيش يعلن السيطرة على بلدة في ريف حلب - عنب بلدي</title>
<meta property="og:site_name" content="عنب بلدي">
<meta property="article:published_time" content="2025-11-07T22:13:00+02:00">
</head><body><nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav>
<article><h1>الجيش يعلن السيطرة على بلدة في ريف حلب</h1>
<p>«الشرق الأوسط» (لندن)</p>
<p>دمشق - أعلنت وزارة الدفاع السورية، يوم الجمعة، سيطرة وحداتها على بلدة في ريف حلب الشرقي بعد اشتباكات
استمرت ساعات مع مجموعات مسلحة، وفق ما نقلته الوكالة الرسمية.</p>
<p>وقال مصدر عسكري إن العملية أسفرت عن مقتل عدد من المسلحين وأسر آخرين، فيما لم تصدر المجموعات أي تعليق حتى
الآن على ما جرى في البلدة التي شهدت موجة نزوح خلال الأسابيع الماضية.</p>
<p>وتأتي هذه التطورات بعد أيام من اجتماع عقد في العاصمة دمشق بين مسؤولين عسكريين لبحث الوضع الأمني في
المنطقة الشمالية من البلاد.</p>
<p>الآراء الواردة أدناه لا تعبر عن رأي الموقع</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def _article(charset: str = "utf-8", content_type: str | None = None, encoding: str = "utf-8"):
    raw = PAGE.format(charset=charset).encode(encoding)
    document = html_document(
        raw, "page.html", url="https://www.enabbaladi.net/123", content_type=content_type
    )
    return extract_html(document)[0]


def test_byline_and_dateline_move_out_of_the_way():
    article = _article()
    assert article.title == "الجيش يعلن السيطرة على بلدة في ريف حلب"
    assert article.byline == "«الشرق الأوسط» (لندن)"
    assert article.text.startswith("دمشق - أعلنت وزارة الدفاع السورية")
    assert article.dateline == "دمشق"
    assert "الآراء الواردة" not in article.text


def test_source_language_and_minute_from_page_metadata():
    article = _article()
    assert article.source == "Enab Baladi"
    assert article.language == "ar"
    assert article.published == "2025-11-07T22:13"
    assert article.published_precision == "minute"


def test_windows_1256_page_declared_in_meta_decodes():
    article = _article(charset="windows-1256", encoding="cp1256")
    assert article.title == "الجيش يعلن السيطرة على بلدة في ريف حلب"


def test_windows_1256_page_served_as_latin1_is_read_as_arabic():
    raw = PAGE.format(charset="windows-1256").encode("cp1256")
    text, encoding = decode_html(raw, "text/html; charset=ISO-8859-1")
    assert encoding == "cp1256"
    assert "وزارة الدفاع السورية" in text


def test_utf8_header_over_windows_1256_bytes_falls_back_to_the_content():
    raw = PAGE.format(charset="utf-8").encode("cp1256")
    text, encoding = decode_html(raw, "text/html; charset=utf-8")
    assert encoding == "cp1256"
    assert "ريف حلب" in text


def test_datelines_of_arabic_agencies():
    assert leading_dateline("دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة") == "دمشق، سوريا"
    assert leading_dateline("بيروت ـ قال مصدر لبناني") == "بيروت"
    assert leading_dateline("أكدت جهات سورية معارضة أن فصائل مسلحة") is None


def test_gold_pages_titles_dates_and_text(news_dir: Path):
    from rasd.extract.html_eval import evaluate_html

    report = evaluate_html(news_dir / "html_pages", baselines=False)
    assert report.metrics["title_exact"] == 1.0
    assert report.metrics["date_accuracy"] == 1.0
    assert report.metrics["other_date_accuracy"] == 1.0
    assert report.metrics["text_f1"] >= 0.97
    assert report.metrics["snippet_accuracy"] == 1.0


def _page(news_dir: Path, name: str) -> Path:
    return next((news_dir / "html_pages").rglob(name))


def test_the_lede_of_a_sputnik_page_is_kept(news_dir: Path):
    page = _page(news_dir, "1550981615.html")
    [article] = extract_html(html_document(page.read_bytes(), str(page)))
    assert article.text.startswith("أعلنت وزارة الصحة والسكان المصرية، اليوم الثلاثاء، تسجيل 30 حالة جديدة")
    assert article.published == "2020-03-17T17:27"


def test_the_site_name_is_not_part_of_the_title(news_dir: Path):
    page = _page(news_dir, "1691196862.html")
    [article] = extract_html(html_document(page.read_bytes(), str(page), url="https://www.youm7.com/story/1"))
    assert (
        article.title == "وزير الرى يشهد توقيع عقد دراسة تحديد السحب الآمن للخزانات الجوفية مع جامعة القاهرة"
    )
    assert article.source == "Youm7"


def test_a_printed_publication_line_leaves_the_text(news_dir: Path):
    page = _page(news_dir, "1588107198.html")
    [article] = extract_html(html_document(page.read_bytes(), str(page)))
    assert article.title == "أميركا :50 الفا حصيلة الوفيات بسبب فيروس كورونا"
    assert "تم نشره" not in article.text
    assert article.published == "2020-04-24"


def test_a_jawhara_fm_header_gives_category_and_minute(news_dir: Path):
    page = _page(news_dir, "JA-politic-1-20170302.html")
    [article] = extract_html(html_document(page.read_bytes(), str(page)))
    assert article.title == 'حمة الهمامي : اعتذار الغرياني عن الوزارة "مخرج من ورطة"'
    assert article.category == "سياسة"
    assert (article.published, article.published_precision) == ("2017-03-02T13:43", "minute")
    assert article.text.startswith("أكد الناطق الرسمي بإسم الجبهة الشعبية حمة الحمامي")


def test_a_date_printed_in_arabic_beats_htmldates_new_year_fallback(news_dir: Path):
    page = _page(news_dir, "cnn_arabic_2013_syria_clashes.html")
    [article] = extract_html(html_document(page.read_bytes(), str(page)))
    # The page prints «الأربعاء، 28 آب/اغسطس 2013»; htmldate, finding only the year, says 2013-01-01.
    assert (article.published, article.published_precision) == ("2013-08-28", "day")


def test_json_ld_gives_author_and_minute(news_dir: Path):
    page = _page(news_dir, "1806793639.html")
    [article] = extract_html(html_document(page.read_bytes(), str(page)))
    assert article.byline == "ضحى عرفة"
    assert (article.published, article.published_precision) == ("2020-12-25T01:59", "minute")


def test_an_index_page_becomes_its_teasers(news_dir: Path):
    page = _page(news_dir, "aljazeera_palestine_listing_page.html")
    document = html_document(
        page.read_bytes(), str(page), url="https://www.aljazeera.net/where/arab/palestine/"
    )
    articles = extract_html(document)
    assert len(articles) > 200
    assert {a.kind for a in articles} == {"teaser"}
    first = articles[0]
    assert first.title == "هآرتس: اتصالات الصفقة مع حماس تضررت عقب قصف المواصي"
    assert first.text.startswith("قالت صحيفة هآرتس الإسرائيلية إن الاتصالات الخاصة بالتوصل إلى صفقة")
    assert first.url and first.url.startswith("https://www.aljazeera.net/news/2024/7/16/")
    assert first.source == "Al Jazeera"


def test_related_article_teasers_leave_the_article_text():
    related = "".join(
        f'<li><a href="/news/{n}"><h3>عنوان خبر ذي صلة رقم {n} عن الأحداث</h3></a>'
        f"<p>ملخص الخبر ذي الصلة رقم {n} يتحدث عن تطورات الأوضاع الميدانية في المنطقة الشمالية.</p></li>"
        for n in range(1, 6)
    )
    page = PAGE.format(charset="utf-8").replace(
        "</article>", f"<section><ul>{related}</ul></section></article>"
    )
    articles = extract_html(html_document(page.encode(), "page.html", url="https://www.enabbaladi.net/123"))
    assert articles[0].kind == "article"
    assert "ملخص الخبر ذي الصلة" not in articles[0].text
    assert all(a.kind == "teaser" and a.url for a in articles[1:])
