"""Hand-computed cases for each metric, and the resampling machinery."""

import itertools

import numpy as np
import pytest

from newsbench.evaluate.boilerplate import BoilerplateCharacters, BoilerplateSpans
from newsbench.evaluate.casualties import CasualtyFigures, MainEventToll, main_event_toll
from newsbench.evaluate.claims import ClaimMatch
from newsbench.evaluate.html_track import SequenceMatch, ShingleMatch, main_text, shingle_counts
from newsbench.evaluate.resampling import Bootstrap, Randomisation, paired_result


def score(metric, pairs):
    totals = sum(metric.counts(g, p) for g, p in pairs)
    return {k: float(v) for k, v in metric.scores(totals).items()}


def test_boilerplate_characters_count_non_space_characters():
    gold = {"text": "ab cd ef", "boilerplate": [{"start": 0, "end": 2, "kind": "navigation"}]}
    predicted = {"boilerplate": [{"start": 0, "end": 5, "kind": "footer"}]}
    s = score(BoilerplateCharacters(), [(gold, predicted)])
    assert (s["precision"], s["recall"]) == (0.5, 1.0)
    assert (s["precision:navigation"], s["recall:navigation"], s["precision:footer"]) == (0.0, 0.0, 0.0)
    assert score(BoilerplateSpans(), [(gold, predicted)])["f1"] == 0.0
    exact = {"boilerplate": [{"start": 0, "end": 2, "kind": "navigation"}]}
    assert score(BoilerplateSpans(), [(gold, exact)])["f1"] == 1.0


def test_main_text_cuts_boilerplate_and_keeps_blocks():
    doc = {"text": "Menu\n\nTitle\n\nBody one.\n\nAd\n\nBody two.", "boilerplate": [
        {"start": 0, "end": 4, "kind": "navigation"}, {"start": 24, "end": 26, "kind": "advertisement"}]}
    assert main_text(doc) == "Title\n\nBody one.\n\nBody two."


def test_shingles_follow_the_zyte_definition_by_hand():
    assert shingle_counts("a b c d e", "a b c d x") == (1 / 3, 1 / 3, 1 / 3)
    assert shingle_counts("x y", "") == (0.0, 0.0, 1.0)
    pages = [
        ({"text": "a b c d e", "boilerplate": []}, {"main_text": "a b c d x"}),
        ({"text": "x y", "boilerplate": []}, {"main_text": ""}),
    ]
    s = score(ShingleMatch(), pages)
    assert s["precision"] == pytest.approx(0.5)   # the second page has no predicted shingle: not averaged
    assert s["recall"] == pytest.approx(0.25)     # (0.5 + 0) / 2
    assert s["f1"] == pytest.approx(1 / 3)
    assert score(ShingleMatch(), [({"text": "A b c d", "boilerplate": []}, {"main_text": "a b c d"})])["f1"] == 0.0


def test_sequence_match_counts_tokens_in_order():
    gold = {"text": "t1 t2 t3 t4 t5 t6 t7 t8", "boilerplate": []}
    swapped = {"main_text": "t5 t6 t7 t8 t1 t2 t3 t4"}
    assert score(ShingleMatch(), [(gold, swapped)])["recall"] == pytest.approx(2 / 5)   # t1-t4 and t5-t8 of 5 shingles
    assert score(SequenceMatch(), [(gold, swapped)])["recall"] == pytest.approx(4 / 8)  # one block of 4 tokens in order


TEXT = "Police said three people died. It was reported the dam was old. Mara Ilic said it held."
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567


def span(text, words, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return {"start": start, "end": start + len(words)}


def claims_gold():
    return {
        "text": TEXT,
        "entities": [{"id": "T1", **span(TEXT, "Police"), "type": "ORG", "entity": "police"},
                     {"id": "T2", **span(TEXT, "Mara Ilic"), "type": "PER", "entity": "mara"}],
        "claims": [
            {"id": "C1", "source": span(TEXT, "Police"), "cue": span(TEXT, "said"), "content": span(TEXT, "three people died"), "source_entity": "police", "form": "indirect"},
            {"id": "C2", "source": None, "cue": span(TEXT, "reported"), "content": span(TEXT, "the dam was old"), "source_entity": None, "form": "indirect"},
            {"id": "C3", "source": span(TEXT, "Mara Ilic"), "cue": span(TEXT, "said", 1), "content": span(TEXT, "it held"), "source_entity": "mara", "form": "indirect"},
        ],
    }


def test_claims_by_hand():
    predicted = {"claims": [
        {"source": span(TEXT, "Police"), "cue": span(TEXT, "said"), "content": span(TEXT, "people died"), "form": "direct"},  # 2 of 3 tokens
        {"source": None, "cue": span(TEXT, "reported"), "content": span(TEXT, "dam"), "form": "indirect"},  # 1 of 4 tokens: no match
        {"source": span(TEXT, "Mara Ilic"), "cue": span(TEXT, "Mara Ilic"), "content": span(TEXT, "it held"), "form": "indirect"},
    ]}
    s = score(ClaimMatch(), [(claims_gold(), predicted)])
    assert s["detection_exact.precision"] == pytest.approx(1 / 3)
    assert s["detection.f1"] == pytest.approx(2 / 3)
    assert s["cue.precision"] == pytest.approx(2 / 3) and s["cue.recall"] == pytest.approx(2 / 3)
    assert s["source.precision"] == pytest.approx(1.0) and s["source.recall"] == pytest.approx(1.0)
    assert s["relation.f1"] == pytest.approx(1 / 3)   # only C1 has content, cue and source right
    assert s["form.accuracy"] == pytest.approx(0.5)


def test_claim_source_may_be_another_mention_of_the_same_entity():
    gold = claims_gold()
    text = "Mara Ilic spoke. She said it held."
    gold = {"text": text, "entities": [{"id": "T1", **span(text, "Mara Ilic"), "type": "PER", "entity": "mara"}],
            "claims": [{"id": "C1", "source": span(text, "She"), "cue": span(text, "said"), "content": span(text, "it held"), "source_entity": "mara", "form": "indirect"}]}
    predicted = {"claims": [{"source": span(text, "Mara Ilic"), "cue": span(text, "said"), "content": span(text, "it held")}]}
    assert score(ClaimMatch(), [(gold, predicted)])["relation.f1"] == 1.0


def test_claims_sharing_one_content_span_are_two_claims():
    text = "Jordan and Qatar condemned the attack."
    shared = {"cue": span(text, "condemned"), "content": span(text, "the attack"), "form": "indirect"}
    gold = {"text": text, "entities": [], "claims": [
        {"id": "C1", "source": span(text, "Jordan"), "source_entity": None, **shared},
        {"id": "C2", "source": span(text, "Qatar"), "source_entity": None, **shared}]}
    s = score(ClaimMatch(), [(gold, {"claims": gold["claims"]})])
    assert s["detection_exact.f1"] == 1.0 and s["relation.f1"] == 1.0
    one = score(ClaimMatch(), [(gold, {"claims": gold["claims"][:1]})])
    assert one["detection_exact.recall"] == 0.5 and one["detection_exact.precision"] == 1.0


def figure(words, text, category="killed", value=None, qualifier="exact", event="main", minimum=None, status="current"):
    return {**span(text, words), "category": category, "value": value, "min": minimum, "qualifier": qualifier, "event": event,
            "status": status}


def test_casualty_figures_and_toll_by_hand():
    text = "At least 12 died and 30 were hurt; later 15 died. In 2004, 334 died."
    gold = {"text": text, "casualties": [
        figure("At least 12", text, value=12, qualifier="at_least", minimum=12),
        figure("30", text, "injured", value=30, minimum=30),
        figure("15", text, value=15, minimum=15),
        figure("334", text, value=334, event="other", minimum=334),
    ]}
    predicted = {"casualties": [
        figure("12", text, value=12),                       # overlaps gold 1: value right, qualifier wrong
        figure("30", text, "killed", value=30),            # wrong category: no match
        figure("334", text, value=334),                    # event wrong: counts in the toll
    ]}
    s = score(CasualtyFigures(), [(gold, predicted)])
    assert (s["precision"], s["recall"]) == (pytest.approx(2 / 3), 0.5)
    assert (s["value.accuracy"], s["qualifier.accuracy"], s["event.accuracy"], s["status.accuracy"]) == (1.0, 0.5, 0.5, 1.0)
    assert main_event_toll(gold["casualties"], "killed") == 15
    assert main_event_toll(gold["casualties"], "injured") == 30
    toll = score(MainEventToll(), [(gold, predicted), (gold, gold)])
    assert toll["killed.accuracy"] == 0.5 and toll["killed.mae"] == (334 - 15) / 2
    assert toll["injured.accuracy"] == 0.5 and toll["injured.mae"] == 30 / 2


def test_superseded_figures_leave_the_toll():
    text = "The toll was revised down to 275 from 288."
    revised = [figure("275", text, value=275, minimum=275), figure("288", text, value=288, minimum=288, status="superseded")]
    assert main_event_toll(revised, "killed") == 275
    unmarked = [{k: v for k, v in f.items() if k != "status"} for f in revised]  # a prediction without status
    assert main_event_toll(unmarked, "killed") == 288
    s = score(CasualtyFigures(), [({"text": text, "casualties": revised}, {"casualties": unmarked})])
    assert s["f1"] == 1.0 and s["status.accuracy"] == 0.0


def test_vague_figures_count_by_their_minimum():
    assert main_event_toll([{"category": "killed", "value": None, "min": 24, "event": "main"}], "killed") == 24
    assert main_event_toll([{"category": "killed", "value": None, "min": None, "event": "main"}], "killed") is None


def test_bootstrap_draws_exactly_n_documents_per_resample():
    boot = Bootstrap(1, resamples=500, seed=3, documents=7)
    weights = np.array([boot.weights() for _ in range(7)])
    assert (weights.sum(axis=0) == 7).all()
    with pytest.raises(ValueError):
        boot.weights()
    again = Bootstrap(1, resamples=500, seed=3, documents=7)
    assert (np.array([again.weights() for _ in range(7)]) == weights).all()
    # each document is drawn once on average, as in resampling with replacement
    assert weights.mean() == 1.0 and 0.7 < weights.var() < 1.0


def test_randomisation_matches_the_exact_permutation_test():
    rng = np.random.default_rng(0)
    a = rng.integers(0, 10, size=(8, 1)).astype(float)
    b = a + rng.integers(-2, 4, size=(8, 1))
    delta = float(a.sum() - b.sum())
    exact = np.mean([abs(sum(b[i, 0] - a[i, 0] if s else a[i, 0] - b[i, 0] for i, s in enumerate(swaps))) >= abs(delta) - 1e-12
                     for swaps in itertools.product([0, 1], repeat=8)])
    test = Randomisation(1, trials=20000, seed=5)
    for row_a, row_b in zip(a, b):
        test.add(row_a, row_b)
    result = paired_result(float(a.sum()), float(b.sum()), np.zeros(10), test.a[:, 0] - test.b[:, 0])
    assert result.p_randomisation == pytest.approx(exact, abs=0.01)
