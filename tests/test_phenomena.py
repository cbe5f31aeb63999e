"""Phenomena counts: each definition on a small page, and the committed release against its quotas."""

import json

import pytest

from newsbench.corpus.build import compile_corpus
from newsbench.corpus.phenomena import QUOTAS, document_counts, phenomena, shortfalls
from newsbench.corpus.release import CORPUS_DIR

from conftest import source

BODY = """\
Early on, officials said [12]{CAS=killed value=12 qualifier=exact status=superseded} had died. By night
[the governor]{src=C1} [said]{cue=C1} [[20]{CAS=killed value=20 qualifier=exact status=disputed} were dead]{content=C1 form=indirect},
while [the mayor]{src=C2} [put]{cue=C2} [the toll at [about 25]{CAS=killed value=25 qualifier=about status=disputed}]{content=C2 form=indirect}.

[Three]{CAS=injured value=3 qualifier=exact} firefighters and [dozens]{CAS=injured qualifier=vague} of residents were hurt;
[no one]{CAS=missing value=0 qualifier=exact} is missing. It was [reported]{cue=C3} that
[a 45-year-old man was arrested]{content=C3 form=indirect} after the 2019 flood, in which
[between 4 and 6]{CAS=killed qualifier=range event=other} people died. [She]{src=C4} [added]{cue=C4}
[that the river was falling]{content=C4 form=indirect}.

::: related
Read more: Rivers rise across the region
:::

The [Ruritania City Court]{ORG E=court} in [Ruritania]{GPE E=ruritania} will sit in 3 weeks.
"""


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    root = tmp_path_factory.mktemp("phenomena")
    import shutil
    shutil.copytree(CORPUS_DIR / "outlets", root / "outlets")
    path = root / "sources" / "flood" / "nb-0901.md"
    path.parent.mkdir(parents=True)
    path.write_text(source(BODY), encoding="utf-8")
    return compile_corpus(root)[0]


def test_figure_phenomena(page):
    counts = document_counts(page)
    assert counts["casualty_figures"] == 7
    assert counts["superseded_figures"] == 1
    assert counts["disputed_figures"] == 2
    assert counts["about_figures"] == 1 and counts["range_figures"] == 1 and counts["vague_figures"] == 1
    assert counts["number_word_figures"] == 1  # "Three"; "no one" is a zero phrase, "dozens" vague
    assert counts["other_incident_figures"] == 1
    # 45, 2019 and 3 are not figures; the figures' digits and the chrome's numbers are not counted
    assert counts["non_casualty_numbers"] == 3
    assert counts["claims_with_figures"] == 2


def test_claim_and_entity_phenomena(page):
    counts = document_counts(page)
    assert counts["pronoun_sources"] == 1
    assert counts["description_sources"] == 2
    assert counts["unattributed_claims"] == 1
    assert counts["nested_looking_entities"] == 1  # "Ruritania City Court" contains "Ruritania"
    assert counts["middle_boilerplate_pages"] == 1  # the related teaser between paragraphs


def test_shortfalls_name_what_is_missing():
    counts = {name: (low if low is not None else 0) for name, (low, _high) in QUOTAS.items()}
    assert shortfalls(counts) == []
    counts["range_figures"] -= 1
    counts["article_words_max"] = 2000
    assert shortfalls(counts) == ["article_words_max: 2000 > 1500", "range_figures: 59 < 60"]


@pytest.mark.slow
def test_the_release_meets_every_quota():
    documents = [json.loads(line) for path in sorted((CORPUS_DIR / "data").glob("*.jsonl")) for line in path.open(encoding="utf-8")]
    counts = phenomena(documents)
    manifest = json.loads((CORPUS_DIR / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["phenomena"] == counts
    assert shortfalls(counts) == []
