from pathlib import Path

import pytest

from newsbench.corpus.splits import split_of
from newsbench.corpus.build import compile_corpus
from newsbench.errors import InputError, InputErrors
from newsbench.html_text import fold_white_space, visible_text

from conftest import source

GOOD = """
“[The water came in seconds]{content=C2 form=direct},” [a resident]{src=C2} [said]{cue=C2}.
[Police]{ORG E=police src=C3} [said]{cue=C3} [[at least 12]{CAS=killed value=12 qualifier=at_least} people died]{content=C3 form=indirect},
and [she]{src=C4 ref=mara} [said]{cue=C4} [the toll was “rising”]{content=C4 form=mixed}. [Mara Ilic]{PER E=mara} agreed.

::: related
Read more: Fire kills [three]{CAS=killed value=3 qualifier=exact} in [Ruritania]{GPE E=ruritania}
:::

Four suspects were held. [No one]{CAS=injured value=0 qualifier=exact} was hurt at the dam. It was [reported]{cue=C5} [the dam was old]{content=C5 form=indirect}.
"""


def compile_one(make_corpus, body: str, **meta) -> dict:
    root = make_corpus({"flood/nb-0901.md": source(body, **meta)})
    return compile_corpus(root)[0]


def errors_of(make_corpus, body: str, **meta) -> list[InputError]:
    root = make_corpus({f"{meta.get('event_type', 'flood')}/{meta.get('id', 'nb-0901')}.md": source(body, **meta)})
    with pytest.raises((InputError, InputErrors)) as caught:
        compile_corpus(root)
    return caught.value.errors if isinstance(caught.value, InputErrors) else [caught.value]


def test_compiles_page_text_html_and_layers(make_corpus):
    doc = compile_one(make_corpus, GOOD)
    text = doc["text"]
    assert doc["title"] == "Dam bursts in Ruritania"
    assert text.startswith("Wirepoint | World")
    assert "\n\nDam bursts in Ruritania\n\n“The water came in seconds,” a resident said." in text
    assert visible_text(doc["html"]) == fold_white_space(text)
    assert doc["url"] == "https://wirepoint.example/world/2024/05/02/dam-bursts-in-ruritania"

    def words(span):
        return text[span["start"]:span["end"]]

    kinds = [(b["kind"], words(b)) for b in doc["boilerplate"]]
    assert ("related", "Read more: Fire kills three in Ruritania") in kinds
    assert kinds[0] == ("navigation", "Wirepoint | World | Markets | Politics | Technology | Sustainability | Investigations")
    assert [(e["type"], e["entity"], words(e)) for e in doc["entities"]][:3] == [
        ("ORG", "wirepoint", "Wirepoint"), ("GPE", "ruritania", "Ruritania"), ("ORG", "police", "Police")]
    claims = {words(c["content"]): c for c in doc["claims"]}
    assert claims["The water came in seconds"]["form"] == "direct"
    assert claims["The water came in seconds"]["source_entity"] is None
    assert claims["the toll was “rising”"]["source_entity"] == "mara"
    assert claims["at least 12 people died"]["source_entity"] == "police"
    assert claims["the dam was old"]["source"] is None
    assert [c["id"] for c in doc["claims"]] == [f"C{k}" for k in range(1, len(doc["claims"]) + 1)]
    figures = {words(f): f for f in doc["casualties"]}
    assert figures["at least 12"] | {"start": 0, "end": 0, "id": ""} == {
        "id": "", "start": 0, "end": 0, "category": "killed", "value": 12, "min": 12, "max": None,
        "qualifier": "at_least", "event": "main", "status": "current", "claim": claims["at least 12 people died"]["id"]}
    assert figures["three"]["event"] == "other" and figures["three"]["claim"] is None
    assert figures["No one"]["value"] == 0 and figures["No one"]["category"] == "injured"


def test_figure_status(make_corpus):
    body = "The toll rose to [60]{CAS=killed value=60 qualifier=exact} from [41]{CAS=killed value=41 qualifier=exact status=superseded}."
    root = make_corpus({"flood/nb-0901.md": source(body)})
    (doc,) = compile_corpus(root)
    assert [f["status"] for f in doc["casualties"]] == ["current", "superseded"]
    (root / "sources" / "flood" / "nb-0901.md").write_text(source(body.replace("superseded", "earlier")), encoding="utf-8")
    with pytest.raises(InputErrors, match="unknown status 'earlier'"):
        compile_corpus(root)


def test_source_with_middle_chrome_places_it_after_the_paragraph(make_corpus):
    body = "\n\n".join(f"Paragraph {k}." for k in range(1, 5))
    root = make_corpus({"flood/nb-0901.md": source(body).replace("outlet: wirepoint", "outlet: coastal-courier")})
    doc = compile_corpus(root)[0]
    assert "Paragraph 2.\n\nADVERTISEMENT\n\nParagraph 3." in doc["text"]
    assert visible_text(doc["html"]) == fold_white_space(doc["text"])


@pytest.mark.parametrize("body, message, line", [
    ("[Police]{ORG} [said]{cue=C1} nothing.", "claim C1 needs exactly one content span, has 0", 10),
    ("[the dam held]{content=C7 form=indirect}, police said.", "claim C7 needs exactly one cue span", 10),
    ("He [said]{cue=C2} [it held]{content=C2}.", "form must be one of", 10),
    ("He [said]{cue=C2} [it held]{content=C2 form=direct}.", "direct content must sit between quotation marks", 10),
    ("He [said]{cue=C2} “[it held]{content=C2 form=indirect}”.", "indirect content has quotation marks", 10),
    ("He [said]{cue=C2} [it held]{content=C2 form=mixed}.", "mixed content contains a quoted fragment", 10),
    ("[At least 12]{CAS=killed value=13 qualifier=at_least} died.", "value=13 disagrees with the words 'At least 12'", 10),
    ("[12]{CAS=killed value=12 qualifier=at_least} died.", "read as qualifier exact, not at_least", 10),
    ("[many]{CAS=killed qualifier=vague} died.", "cannot read 'many' as a number expression", 10),
    ("[12]{CAS=dead value=12 qualifier=exact} died.", "unknown category 'dead'", 10),
    ("[12]{CAS=killed value=12} died.", "qualifier= is required", 10),
    ("[twelve]{CAS=killed qualifier=exact} died.", "value= is required", 10),
    ("::: related\nFire kills [3]{CAS=killed value=3 qualifier=exact event=main}\n:::", "a figure inside boilerplate is event=other", 11),
    ("[[Lake]{LOC} Ruritania]{GPE} flooded.", "entity mentions overlap", 10),
    ("[Ruritania]{ORG E=ruritania} flooded.", "entity group 'ruritania' is GPE at line 8 but ORG here", 10),
    ("[Ruritania ]{GPE} flooded.", "starts or ends with white space", 10),
    ("[Rurit]{GPE}ania flooded.", "cuts a word", 10),
    ("[Ruritania]{E=x} flooded.", "E= needs an entity type", 10),
    ("[Ruritania]{form=direct} flooded.", "form= goes on the content span", 10),
    ("[Ruritania]{value=3} flooded.", "value= goes with CAS=", 10),
    ("[The [Ruritania]{GPE} police]{src=C2} [said]{cue=C2} [no]{content=C2 form=indirect}.", "contains ruritania: say ref=GROUP or ref=none", 10),
    ("[He]{src=C2 ref=nobody} [said]{cue=C2} [no]{content=C2 form=indirect}.", "ref=nobody names no entity group", 10),
    ("[Ruritania]{BP=sidebar} flooded.", "unknown boilerplate kind 'sidebar'", 10),
    ("[He]{cue=X1} [no]{content=X1 form=indirect}.", "claim id 'X1' must look like C1", 10),
])
def test_label_errors_name_file_line_and_column(make_corpus, body, message, line):
    errors = errors_of(make_corpus, body)
    assert any(message in str(e) for e in errors), [str(e) for e in errors]
    hit = next(e for e in errors if message in str(e))
    assert hit.line == line and Path(hit.file).name == "nb-0901.md"


def test_no_casualty_event_types_force_other(make_corpus):
    errors = errors_of(make_corpus, "[Two]{CAS=killed value=2 qualifier=exact event=main} died.", event_type="politics")
    assert "event type politics has no casualties of its own" in str(errors[0])


@pytest.mark.parametrize("old, new, message", [
    ("outlet: wirepoint", "outlet: nowhere", "unknown outlet"),
    ("split: train", "split: holdout", "unknown split"),
    ("event_type: flood", "event_type: volcano", "unknown event type"),
    ("published: 2024-05-02", "published: 2024-02-30", "must be a date"),
    ("id: nb-0901", "id: doc-1", "must look like nb-0001"),
    ("id: nb-0901", "id: nb-0902", "file name must be the document id"),
    ("split: train", "split: train\ncolour: red", "unknown front-matter key"),
    ("split: train\n", "", "required front-matter key is missing"),
])
def test_front_matter_errors(make_corpus, old, new, message):
    root = make_corpus({"flood/nb-0901.md": source("Text.").replace(old, new, 1)})
    with pytest.raises((InputError, InputErrors)) as caught:
        compile_corpus(root)
    assert message in str(caught.value)


def test_corpus_level_checks(make_corpus):
    assert split_of("dam-2024") == "train"
    first = source("Text.", id="nb-0901").replace("split: train", "split: train\nincident: dam-2024")
    second = source("Text.", id="nb-0902", split="test").replace("split: test", "split: test\nincident: dam-2024")
    unseen = source("Text.", id="nb-0903").replace("outlet: wirepoint", "outlet: harbour-gazette")
    root = make_corpus({"flood/nb-0901.md": first, "flood/nb-0902.md": second, "other/nb-0901.md": first,
                        "flood/nb-0903.md": unseen})
    with pytest.raises(InputErrors) as caught:
        compile_corpus(root)
    text = str(caught.value)
    assert "duplicate document id" in text
    assert "nb-0902.md: split: the split rule puts 'dam-2024' in train, not test" in text
    assert "nb-0903.md: outlet: outlet harbour-gazette is test-only; this document is in train" in text


def test_split_rule_is_stable_and_near_its_shares():
    keys = [f"incident-{k}" for k in range(4000)]
    shares = {split: sum(split_of(k) == split for k in keys) / len(keys) for split in ("train", "dev", "test")}
    assert abs(shares["train"] - 0.60) < 0.03 and abs(shares["dev"] - 0.15) < 0.03 and abs(shares["test"] - 0.25) < 0.03
    # pinned: a change of salt or bounds would move released documents between splits
    assert [split_of("crocus-city-hall-2024"), split_of("las-vegas-shooting-2017")] == ["test", "train"]


def test_source_that_is_not_utf8(make_corpus):
    root = make_corpus({})
    path = root / "sources" / "flood" / "nb-0901.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"---\nid: nb-0901\n---\n# Caf\xe9\n")
    with pytest.raises(InputErrors, match=r"nb-0901.md: not valid UTF-8 \(byte 25\)"):
        compile_corpus(root)


def test_lint_points_at_likely_missing_labels(make_corpus):
    from newsbench.corpus.lint import findings

    body = "Officials said the dam held. In the town, 12 people died near Lake Olm, police told [Reuters]{ORG}."
    doc = compile_one(make_corpus, body)
    hints = list(findings(doc))
    assert any(h.startswith("reporting verb outside any cue") and "Officials said" in h for h in hints)
    assert any(h.startswith("reporting verb outside any cue") and "police told" in h for h in hints)
    assert any(h.startswith("number near a casualty word") and "12 people died" in h for h in hints)
    assert any("'Lake Olm'" in h for h in hints)
    assert not any("'Reuters'" in h for h in hints)
