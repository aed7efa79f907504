"""The replica news site: hand-written Vietnamese articles plus generated ones, and every
trouble a crawler meets (robots.txt, redirects, 404/500, a copy at a second URL, a syndicated
near-copy, Windows-1258, entities without ';', a 10 MB page, a page that never finishes).

`build_site(n_generated)` returns a `Site` whose `pages` map paths to `Page`s; `EXPECTED`
lists what a crawl of the whole site must store.
"""

from __future__ import annotations

import hashlib
import html
import random
import unicodedata
from dataclasses import dataclass, field

PER_PAGE = 4  # articles per listing page


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    kind: str = "ok"  # ok | redirect | hang
    location: str = ""
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Article:
    path: str
    title: str
    date: str  # dd/mm/yyyy
    paragraphs: list[str]
    section: str = "thi-dua"


@dataclass
class Site:
    pages: dict[str, Page] = field(default_factory=dict)
    articles: list[Article] = field(default_factory=list)  # listed, UTF-8, stored as themselves


# --- hand-written articles ----------------------------------------------------------------

HAND = [
    Article("/thi-dua/tay-ho-phat-dong-thi-dua-2024-1001.html", "Quận Tây Hồ phát động phong trào thi đua yêu nước năm 2024", "22/01/2024", [
        "Sáng 22/1, UBND quận Tây Hồ tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023 và phát động phong trào thi đua yêu nước năm 2024.",
        "Năm 2023, quận Tây Hồ đã triển khai hiệu quả Chỉ thị số 34-CT/TW ngày 7/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng. Các phong trào thi đua được tổ chức thiết thực, gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị và 8 phường trên địa bàn.",
        "Tại hội nghị, 5 tập thể được tặng Cờ thi đua của UBND thành phố Hà Nội, 12 cá nhân được tặng Bằng khen của Chủ tịch UBND thành phố. Chủ tịch UBND quận Tây Hồ tặng Giấy khen cho 46 tập thể và 93 cá nhân có thành tích xuất sắc.",
        "Phát biểu phát động thi đua, Chủ tịch UBND quận đề nghị các phường, cơ quan, đơn vị thực hiện tốt Kế hoạch số 18/KH-UBND ngày 15/1/2024 về tổ chức phong trào thi đua lập thành tích chào mừng kỷ niệm 70 năm Ngày Giải phóng Thủ đô.",
    ]),
    Article("/thi-dua/thach-that-tong-ket-thi-dua-khen-thuong-1002.html", "Thạch Thất tổng kết công tác thi đua - khen thưởng năm 2023", "29/01/2024", [
        "Ngày 29/1/2024, UBND huyện Thạch Thất tổ chức hội nghị tổng kết công tác thi đua - khen thưởng năm 2023 và phát động phong trào thi đua yêu nước năm 2024.",
        "Thực hiện Luật Thi đua, khen thưởng năm 2022 và Nghị định số 98/2023/NĐ-CP của Chính phủ, huyện Thạch Thất đã kiện toàn Hội đồng Thi đua - Khen thưởng, ban hành quy chế mới và rà soát toàn bộ hồ sơ đề nghị khen thưởng theo đúng quy định.",
        "Trong năm, huyện có 3 tập thể được tặng Cờ thi đua của Chính phủ, 7 tập thể và cá nhân được Thủ tướng Chính phủ tặng Bằng khen. Xã Hữu Bằng và xã Bình Yên được công nhận đạt chuẩn nông thôn mới kiểu mẫu.",
        "Năm 2024, huyện phấn đấu hoàn thành 26/26 chỉ tiêu kinh tế - xã hội, đẩy mạnh phong trào thi đua “Hà Nội chung sức xây dựng nông thôn mới” và phong trào “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”.",
    ]),
    Article("/thi-dua/nghe-an-guong-dien-hinh-tien-tien-1003.html", "Nghệ An biểu dương 150 gương điển hình tiên tiến giai đoạn 2020 - 2025", "15/05/2024", [
        "Chiều 15/5, UBND tỉnh Nghệ An tổ chức Hội nghị biểu dương điển hình tiên tiến trong phong trào thi đua yêu nước giai đoạn 2020 - 2025 tại thành phố Vinh.",
        "Sau 5 năm thực hiện Kế hoạch số 316/KH-UBND của UBND tỉnh, phong trào thi đua đã lan tỏa sâu rộng đến các huyện, thị xã. Nhiều mô hình hay như “Dân vận khéo”, “Xây dựng nông thôn mới” ở các huyện Yên Thành, Nam Đàn được nhân rộng.",
        "Dịp này, 150 tập thể, cá nhân tiêu biểu được Chủ tịch UBND tỉnh Nghệ An tặng Bằng khen; 2 tập thể được đề nghị Chủ tịch nước tặng Huân chương Lao động hạng Ba.",
        "Lãnh đạo tỉnh yêu cầu các cấp, ngành tiếp tục phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến, coi đây là nhiệm vụ thường xuyên của công tác thi đua, khen thưởng.",
    ]),
    Article("/thi-dua/da-nang-thi-dua-chuyen-doi-so-1004.html", "Đà Nẵng phát động thi đua chuyển đổi số trong cơ quan nhà nước", "08/03/2024", [
        "UBND thành phố Đà Nẵng vừa ban hành Kế hoạch số 52/KH-UBND ngày 8/3/2024 tổ chức phong trào thi đua đẩy mạnh chuyển đổi số trong các cơ quan hành chính nhà nước.",
        "Phong trào hướng tới mục tiêu 100% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến, các quận Hải Châu, Thanh Khê, Sơn Trà đi đầu trong triển khai dịch vụ công trực tuyến toàn trình.",
        "Kết thúc đợt thi đua, các tập thể, cá nhân xuất sắc sẽ được xét tặng Bằng khen của Chủ tịch UBND thành phố; tập thể tiêu biểu nhất được đề nghị tặng Cờ thi đua của Chính phủ.",
        "Sở Nội vụ thành phố là cơ quan thường trực, hướng dẫn các đơn vị đăng ký giao ước thi đua trước ngày 30/3/2024.",
    ]),
    Article("/thi-dua/quang-ninh-khen-thuong-dot-xuat-1005.html", "Quảng Ninh khen thưởng đột xuất lực lượng ứng phó bão số 3", "12/09/2024", [
        "Ngày 12/9/2024, Chủ tịch UBND tỉnh Quảng Ninh ký quyết định khen thưởng đột xuất 35 tập thể và 62 cá nhân có thành tích xuất sắc trong ứng phó, khắc phục hậu quả bão số 3.",
        "Các tập thể được khen thưởng gồm lực lượng quân đội, công an, y tế và chính quyền thành phố Hạ Long, thành phố Cẩm Phả, huyện Vân Đồn. Nhiều cá nhân đã dũng cảm cứu người, cứu tài sản của Nhân dân trong đêm bão.",
        "Việc khen thưởng kịp thời thực hiện đúng tinh thần Chỉ thị số 34-CT/TW của Bộ Chính trị: khen thưởng phải chính xác, công khai, công bằng, kịp thời, chú trọng người lao động trực tiếp.",
        "Tỉnh cũng đề nghị Thủ tướng Chính phủ tặng Bằng khen cho 10 tập thể và 15 cá nhân tiêu biểu.",
    ]),
    Article("/thi-dua/ha-noi-70-nam-giai-phong-thu-do-1006.html", "Hà Nội thi đua lập thành tích chào mừng 70 năm Giải phóng Thủ đô", "05/02/2024", [
        "UBND thành phố Hà Nội ban hành Kế hoạch số 36/KH-UBND về tổ chức phong trào thi đua lập thành tích chào mừng kỷ niệm 70 năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2024).",
        "Phong trào được triển khai tới 30 quận, huyện, thị xã với các nội dung trọng tâm: chỉnh trang đô thị, xây dựng nông thôn mới, cải cách hành chính và xây dựng người Hà Nội thanh lịch, văn minh.",
        "Quận Thanh Xuân, quận Ba Đình và huyện Gia Lâm là những đơn vị đầu tiên đăng ký các công trình chào mừng. Kết thúc phong trào, UBND thành phố sẽ tặng Cờ thi đua và Bằng khen cho các tập thể, cá nhân tiêu biểu.",
    ]),
    Article("/khen-thuong/chinh-phu-tang-co-thi-dua-2023-2001.html", "Chính phủ tặng Cờ thi đua cho 42 tập thể dẫn đầu phong trào thi đua năm 2023", "20/04/2024", [
        "Thủ tướng Chính phủ vừa ký Quyết định số 335/QĐ-TTg tặng Cờ thi đua của Chính phủ cho 42 tập thể đã hoàn thành xuất sắc toàn diện nhiệm vụ công tác, dẫn đầu phong trào thi đua năm 2023.",
        "Trong số các tập thể được tặng Cờ thi đua có Sở Giáo dục và Đào tạo tỉnh Nghệ An, UBND huyện Đông Anh (Hà Nội), Công an tỉnh Quảng Ninh và Bệnh viện Đà Nẵng.",
        "Ban Thi đua - Khen thưởng Trung ương cho biết hồ sơ được thẩm định theo Nghị định số 98/2023/NĐ-CP quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng.",
    ], section="khen-thuong"),
    Article("/khen-thuong/huan-chuong-lao-dong-giao-vien-2002.html", "Trao Huân chương Lao động hạng Ba cho hai nhà giáo tiêu biểu", "20/11/2024", [
        "Nhân kỷ niệm 42 năm Ngày Nhà giáo Việt Nam, Chủ tịch nước quyết định tặng Huân chương Lao động hạng Ba cho hai nhà giáo của tỉnh Nghệ An có thành tích xuất sắc trong phong trào thi đua “Đổi mới, sáng tạo trong dạy và học”.",
        "Cô giáo Nguyễn Thị Hoa, Trường THPT chuyên Phan Bội Châu, thành phố Vinh, đã có nhiều năm liền đạt danh hiệu Chiến sĩ thi đua cấp tỉnh và bồi dưỡng hàng chục học sinh giỏi quốc gia.",
        "Thầy giáo Lê Văn Minh, huyện Kỳ Sơn, gắn bó hơn 20 năm với vùng cao, vận động hàng trăm học sinh người dân tộc thiểu số trở lại lớp.",
    ], section="khen-thuong"),
]

# Pages reached through special URLs (not in the listings' plain article list).
CP1258 = Article("/khen-thuong/ba-dinh-khen-thuong-cp1258-2003.html", "Ba Đình khen thưởng 120 tập thể, cá nhân tiêu biểu", "29/01/2024", [
    "(15:00:00 29/01/2024) Sáng ngày 29/1/2024, UBND quận Ba Đình tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2023 và trao thưởng cho 120 tập thể, cá nhân tiêu biểu.",
    "Thực hiện Kế hoạch số 12/KH-UBND của UBND quận, các phường Điện Biên, Đội Cấn, Ngọc Hà đã tổ chức nhiều phong trào thi đua thiết thực như “Phường văn minh đô thị”, “Dân vận khéo”.",
    "Chủ tịch UBND quận tặng Giấy khen cho 80 tập thể và 40 cá nhân; 3 tập thể được đề nghị UBND thành phố tặng Cờ thi đua.",
], section="khen-thuong")
ENTITIES = Article("/khen-thuong/gia-lam-entities-2004.html", "Gia Lâm trao Bằng khen cho 30 gia đình văn hóa tiêu biểu", "12/06/2024", [
    "Ngày 12/6/2024, UBND huyện Gia Lâm tổ chức gặp mặt, biểu dương các gia đình văn hóa tiêu biểu nhân Ngày Gia đình Việt Nam 28/6.",
    "Thực hiện phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”, huyện đã có 95% số hộ gia đình đạt danh hiệu gia đình văn hóa. Dịp này, 30 gia đình được tặng Bằng khen của Chủ tịch UBND thành phố Hà Nội.",
    "Các xã Bát Tràng, Kiêu Kỵ, Đa Tốn là những địa phương dẫn đầu phong trào năm 2024.",
], section="khen-thuong")
REDIRECTED = Article("/khen-thuong/dong-anh-thi-dua-nong-thon-moi-2005.html", "Đông Anh thi đua xây dựng nông thôn mới nâng cao", "03/07/2024", [
    "Huyện Đông Anh đã ban hành Kế hoạch số 140/KH-UBND ngày 3/7/2024 về đẩy mạnh phong trào thi đua “Hà Nội chung sức xây dựng nông thôn mới” giai đoạn 2024 - 2025.",
    "Mục tiêu đến năm 2025, 100% xã của huyện đạt chuẩn nông thôn mới nâng cao, trong đó có 5 xã đạt chuẩn nông thôn mới kiểu mẫu như xã Xuân Canh, xã Đông Hội.",
    "UBND huyện sẽ tặng Giấy khen cho các tập thể, cá nhân có nhiều đóng góp về công sức, đất đai cho xây dựng nông thôn mới.",
], section="khen-thuong")
SYNDICATED_FROM = HAND[4]  # Quảng Ninh: republished by a partner site with a new last line
SYNDICATED = Article("/doi-tac/quang-ninh-khen-thuong-dot-xuat-3001.html", SYNDICATED_FROM.title + " (theo Báo Quảng Ninh)", SYNDICATED_FROM.date,
                     SYNDICATED_FROM.paragraphs + ["Bài viết được đăng lại theo thỏa thuận hợp tác nội dung với Báo Quảng Ninh."], section="doi-tac")
SECRET = Article("/noi-bo/bao-cao-noi-bo-9001.html", "Báo cáo nội bộ về thi đua (không công khai)", "01/01/2024", [
    "Trang này nằm trong khu vực robots.txt cấm; một crawler lịch sự không bao giờ tải nó. " * 4,
], section="noi-bo")
COPY_PATH = "/in/tay-ho-phat-dong-thi-dua-2024-1001.html"  # printer-friendly copy: the same bytes

SPECIAL = {  # path -> what the listing link leads to
    "redirect": "/cu/bai-viet.aspx?id=2005",
    "missing": "/khen-thuong/bai-da-xoa-2404.html",
    "broken": "/khen-thuong/loi-may-chu-2500.html",
    "big": "/khen-thuong/bao-cao-10mb-2600.html",
    "hang": "/khen-thuong/trang-cham-2700.html",
}

SECTIONS = {"thi-dua": "Thi đua", "khen-thuong": "Khen thưởng", "doi-tac": "Tin đối tác"}
NAV = "".join(f'<a href="/{s}/">{t}</a> ' for s, t in SECTIONS.items()) + '<a href="/noi-bo/">Nội bộ</a>'


def _vi_date(d: str) -> str:
    day, month, year = d.split("/")
    return f"{year}-{month}-{day}"


def article_html(a: Article, charset: str = "utf-8", meta: bool = True) -> str:
    paras = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in a.paragraphs)
    og = (f'<meta property="og:type" content="article">\n<meta property="og:title" content="{html.escape(a.title)}">\n'
          f'<meta property="article:published_time" content="{_vi_date(a.date)}T08:00:00+07:00">') if meta else ""
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="{charset}">
<title>{html.escape(a.title)} - Báo Thi Đua Mẫu</title>
{og}
</head><body>
<header><a href="/">Trang chủ</a> <nav>{NAV}</nav></header>
<article>
<h1>{html.escape(a.title)}</h1>
<p class="date">Ngày đăng: {a.date}</p>
{paras}
</article>
<aside><h3>Đọc nhiều</h3><a href="{HAND[0].path}">{html.escape(HAND[0].title)}</a></aside>
<footer>Báo Thi Đua Mẫu - Cơ quan của Hội đồng Thi đua - Khen thưởng (trang thử nghiệm)</footer>
</body></html>"""


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258: decompose only the five tone marks (cp1258 has â ê ô ơ ư ă precomposed)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            ch.encode("cp1258")
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base = "".join(c for c in decomposed if c not in "\u0300\u0301\u0303\u0309\u0323")
        tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
        out.append(unicodedata.normalize("NFC", base) + tones)
    return "".join(out).encode("cp1258")


def entity_bytes(text: str) -> bytes:
    """ASCII page: every non-ASCII letter as a decimal entity without the closing ';'."""
    return "".join(c if ord(c) < 128 else f"&#{ord(c)}" for c in text).encode("ascii")


def listing_html(title: str, links: list[tuple[str, str]], page: int, pages: int, base: str) -> str:
    items = "\n".join(f'<li><a href="{p}">{html.escape(t)}</a></li>' for p, t in links)
    nav = " ".join(f'<a href="{base}?trang={i}">{i}</a>' if i > 1 else f'<a href="{base}">1</a>' for i in range(1, pages + 1))
    nxt = f'<a rel="next" href="{base}?trang={page + 1}">Trang sau</a>' if page < pages else ""
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)} - trang {page}</title></head>
<body><header><a href="/">Trang chủ</a> <nav>{NAV}</nav></header>
<h1>{html.escape(title)}</h1><ul>{items}</ul>
<div class="pagination">{nav} {nxt}</div>
<footer>Báo Thi Đua Mẫu</footer></body></html>"""


def _validators(body: bytes) -> tuple[str, str]:
    return '"' + hashlib.md5(body).hexdigest()[:16] + '"', "Mon, 29 Jan 2024 08:00:00 GMT"


def add_article(site: Site, a: Article, body: bytes | None = None, ctype: str = "text/html; charset=utf-8") -> None:
    body = body if body is not None else article_html(a).encode("utf-8")
    etag, lm = _validators(body)
    site.pages[a.path] = Page(body, content_type=ctype, etag=etag, last_modified=lm)


def rebuild_listings(site: Site, extra: dict[str, list[tuple[str, str]]] | None = None) -> None:
    """Listing pages per section (newest first, PER_PAGE a page) and the home page."""
    by_section: dict[str, list[tuple[str, str]]] = {s: [] for s in SECTIONS}
    for a in reversed(site.articles):
        by_section.setdefault(a.section, []).append((a.path, a.title))
    for section, links in (extra or {}).items():
        by_section[section] = links + by_section[section]
    for section, links in by_section.items():
        base = f"/{section}/"
        pages = max(1, -(-len(links) // PER_PAGE))
        for n in range(1, pages + 1):
            chunk = links[(n - 1) * PER_PAGE: n * PER_PAGE]
            body = listing_html(SECTIONS[section], chunk, n, pages, base).encode("utf-8")
            site.pages[base if n == 1 else f"{base}?trang={n}"] = Page(body)
    home = listing_html("Báo Thi Đua Mẫu", by_section["thi-dua"][:3], 1, 1, "/")
    site.pages["/"] = Page(home.encode("utf-8"))


def build_site(n_generated: int = 0, *, troubles: bool = True, seed: int = 5) -> Site:
    site = Site()
    site.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /noi-bo/\n", content_type="text/plain")
    for a in HAND:
        site.articles.append(a)
        add_article(site, a)
    for a in generate_articles(n_generated, seed):
        site.articles.append(a)
        add_article(site, a)
    extra: dict[str, list[tuple[str, str]]] = {}
    if troubles:
        add_article(site, CP1258, cp1258_bytes(article_html(CP1258, charset="windows-1258", meta=False)),
                    "text/html; charset=windows-1258")
        add_article(site, ENTITIES, entity_bytes(article_html(ENTITIES)), "text/html")
        add_article(site, REDIRECTED)
        add_article(site, SYNDICATED)
        add_article(site, SECRET)
        site.pages[COPY_PATH] = site.pages[HAND[0].path]
        site.pages[SPECIAL["redirect"]] = Page(status=301, kind="redirect", location=REDIRECTED.path)
        site.pages[SPECIAL["broken"]] = Page(b"<html><body>Internal Server Error</body></html>", status=500)
        big = (article_html(HAND[1]).encode() + b"<!--" + b"x" * (10 * 1024 * 1024) + b"-->")
        site.pages[SPECIAL["big"]] = Page(big)
        site.pages[SPECIAL["hang"]] = Page(kind="hang")
        extra["khen-thuong"] = [
            (CP1258.path, CP1258.title), (ENTITIES.path, ENTITIES.title), (SPECIAL["redirect"], REDIRECTED.title),
            (COPY_PATH, HAND[0].title + " (bản in)"), (SPECIAL["missing"], "Bài đã xóa"),
            (SPECIAL["broken"], "Bài lỗi máy chủ"), (SPECIAL["big"], "Báo cáo 10 MB"), (SPECIAL["hang"], "Trang chậm"),
        ]
        extra["doi-tac"] = [(SYNDICATED.path, SYNDICATED.title)]
        site.pages["/noi-bo/"] = Page(listing_html("Nội bộ", [(SECRET.path, SECRET.title)], 1, 1, "/noi-bo/").encode())
    rebuild_listings(site, extra)
    add_sitemap_and_feed(site)
    return site


SITEMAP_PATH, FEED_PATH = "/sitemap.xml", "/rss/thi-dua.rss"


def add_sitemap_and_feed(site: Site) -> None:
    """/sitemap.xml (an index) → /sitemap-khen-thuong.xml: the khen-thuong articles plus a listing page;
    /rss/thi-dua.rss: the 5 newest thi-dua articles. URLs are root-relative placeholders
    (``{base}``) filled in by the server, as sitemaps need absolute URLs."""
    kt = [a for a in site.articles if a.section == "khen-thuong"]
    td = [a for a in reversed(site.articles) if a.section == "thi-dua"][:5]
    urls = "".join(f"<url><loc>{{base}}{a.path}</loc><lastmod>{_vi_date(a.date)}</lastmod></url>" for a in kt)
    urls += "<url><loc>{base}/khen-thuong/</loc></url>"  # a listing: fetched, not stored
    site.pages["/sitemap-khen-thuong.xml"] = Page(
        ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
         + urls + "</urlset>").encode(), content_type="application/xml")
    site.pages[SITEMAP_PATH] = Page(
        b'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>{base}/sitemap-khen-thuong.xml</loc></sitemap></sitemapindex>", content_type="application/xml")
    items = "".join(f"<item><title>{html.escape(a.title)}</title><link>{{base}}{a.path}</link></item>" for a in td)
    site.pages[FEED_PATH] = Page(
        ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Thi đua</title>'
         + items + "</channel></rss>").encode(), content_type="application/rss+xml; charset=utf-8")


# --- generated articles (benchmarks, kill/resume) --------------------------------------------

_PLACES = ["quận Ba Đình", "quận Hoàn Kiếm", "quận Tây Hồ", "quận Cầu Giấy", "quận Thanh Xuân", "huyện Thạch Thất",
           "huyện Đông Anh", "huyện Gia Lâm", "thị xã Sơn Tây", "huyện Ba Vì", "thành phố Vinh", "huyện Nam Đàn",
           "quận Hải Châu", "quận Sơn Trà", "thành phố Hạ Long", "huyện Vân Đồn", "thành phố Cẩm Phả", "huyện Yên Thành"]
_UNITS = ["Hội Nông dân", "Đoàn Thanh niên", "Hội Liên hiệp Phụ nữ", "Liên đoàn Lao động", "Hội Cựu chiến binh",
          "Phòng Giáo dục và Đào tạo", "Trung tâm Y tế", "Công an", "Ban Chỉ huy Quân sự", "Phòng Văn hóa và Thông tin"]
_AWARDS = ["Bằng khen của Chủ tịch UBND thành phố", "Giấy khen của Chủ tịch UBND", "Cờ thi đua của UBND tỉnh",
           "Bằng khen của Thủ tướng Chính phủ", "Huân chương Lao động hạng Ba", "danh hiệu Chiến sĩ thi đua cơ sở",
           "danh hiệu Tập thể lao động xuất sắc", "Cờ thi đua của Chính phủ"]
_MOVEMENTS = ["“Hà Nội chung sức xây dựng nông thôn mới”", "“Cả nước chung tay vì người nghèo”", "“Dân vận khéo”",
              "“Toàn dân đoàn kết xây dựng đời sống văn hóa”", "“Đổi mới, sáng tạo trong dạy và học”",
              "“Doanh nghiệp Việt Nam hội nhập và phát triển”", "“Chuyển đổi số trong cơ quan nhà nước”",
              "“Vì an ninh Tổ quốc”", "“Xanh - sạch - đẹp”", "“Cán bộ, công chức thi đua thực hiện văn hóa công sở”"]
_SENTENCES = [
    "Ngày {d}/{m}/{y}, UBND {p} tổ chức hội nghị tổng kết phong trào thi đua {mv} giai đoạn {y0} - {y}.",
    "Thực hiện Kế hoạch số {n}/KH-UBND ngày {d}/{m}/{y} của UBND {p}, các đơn vị đã đăng ký {k} công trình, phần việc thi đua.",
    "Theo Chỉ thị số 34-CT/TW của Bộ Chính trị, công tác khen thưởng phải chính xác, công khai, công bằng và kịp thời.",
    "Dịp này, {k} tập thể và {k2} cá nhân được tặng {a}.",
    "{u} {p} được đề nghị tặng {a} vì thành tích xuất sắc trong phong trào {mv}.",
    "Năm {y}, {p} phấn đấu hoàn thành {k}/{k} chỉ tiêu kinh tế - xã hội, trong đó có {k2} chỉ tiêu vượt kế hoạch.",
    "Phong trào {mv} đã huy động được hơn {k} tỷ đồng và {k2} nghìn ngày công lao động của Nhân dân.",
    "Chủ tịch UBND {p} yêu cầu các phòng, ban, xã, thị trấn tiếp tục nhân rộng các mô hình hay, cách làm sáng tạo.",
    "Nhiều gương điển hình tiên tiến của {p} đã được biểu dương tại Đại hội thi đua yêu nước lần thứ {k2}.",
    "Hội đồng Thi đua - Khen thưởng {p} đã thẩm định {k} hồ sơ theo Nghị định số 98/2023/NĐ-CP.",
    "{u} {p} phát động đợt thi đua cao điểm chào mừng kỷ niệm {k2} năm ngày thành lập đơn vị.",
    "Kết quả, {k} hộ gia đình của {p} đạt danh hiệu gia đình văn hóa, tăng {k2}% so với năm trước.",
    "Tại buổi lễ, đại diện {u} {p} chia sẻ kinh nghiệm triển khai phong trào {mv} ở cơ sở.",
    "Các tập thể được tặng {a} gồm {u}, trường học và trạm y tế của {p}.",
    "Kế hoạch số {n}/KH-UBND nêu rõ thời gian thi đua từ ngày {d}/{m}/{y} đến hết năm {y1}.",
    "Báo cáo cho thấy tỷ lệ hồ sơ khen thưởng được giải quyết đúng hạn của {p} đạt {k2}%.",
]


def generate_articles(n: int, seed: int = 5) -> list[Article]:
    """`n` distinct articles (different sentence mixes and facts: no two are near-copies)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        p = rng.choice(_PLACES)
        y = rng.choice([2022, 2023, 2024, 2025])
        fill = lambda: dict(p=p, y=y, y0=y - 5, y1=y + 1, d=rng.randint(1, 28), m=rng.randint(1, 12),  # noqa: E731
                            n=rng.randint(10, 400), k=rng.randint(3, 90), k2=rng.randint(2, 60),
                            mv=rng.choice(_MOVEMENTS), a=rng.choice(_AWARDS), u=rng.choice(_UNITS))
        chosen = rng.sample(_SENTENCES, 9)
        paras = [" ".join(s.format(**fill()) for s in chosen[j:j + 3]) + f" (Tin số {i + 1}.)" for j in (0, 3, 6)]
        title = f"{p[0].upper() + p[1:]} {rng.choice(['tổng kết', 'phát động', 'đẩy mạnh', 'biểu dương'])} phong trào thi đua {rng.choice(_MOVEMENTS)} năm {y} (số {i + 1})"
        out.append(Article(f"/thi-dua/tin-{5000 + i}.html", title, f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{y}", paras))
    return out


# What a crawl of build_site(0) must store, beyond the listed UTF-8 articles (path, title).
STORED_EXTRA = [(CP1258.path, CP1258.title), (ENTITIES.path, ENTITIES.title), (REDIRECTED.path, REDIRECTED.title),
                (SYNDICATED.path, SYNDICATED.title)]
