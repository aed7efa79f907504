"""thidua: emulation movements (thi đua) and commendation (khen thưởng) in Vietnamese text.

The stages live in sibling folders mapped under this package (see pyproject.toml):
``thidua.nlp`` (extraction), ``thidua.corpus`` (the store), ``thidua.crawler`` (Scrapy),
``thidua.index`` (search backends), ``thidua.api`` (FastAPI + web page).
"""

__version__ = "0.1.0"
