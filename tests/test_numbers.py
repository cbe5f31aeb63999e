import pytest

from newsbench.numbers import Figure, NotANumber, parse_figure, parse_number


@pytest.mark.parametrize("words, value", [
    ("143", 143), ("1,200", 1200), ("three", 3), ("Twenty-one", 21), ("a dozen", 12),
    ("two hundred and five", 205), ("a hundred", 100), ("one thousand three hundred", 1300),
    ("1.2 million", 1_200_000), ("nineteen", 19),
])
def test_parse_number(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("words", ["", "many", "1,20", "three apples", "1.255 hundred"])
def test_parse_number_rejects(words):
    with pytest.raises(NotANumber):
        parse_number(words)


@pytest.mark.parametrize("words, figure", [
    ("at least 143", Figure("at_least", 143, 143, None)),
    ("More than 360", Figure("more_than", 360, 361, None)),
    ("Some 60", Figure("about", 60, None, None)),
    ("nearly a dozen", Figure("about", 12, None, None)),
    ("up to 50", Figure("up_to", 50, None, 50)),
    ("no more than six", Figure("up_to", 6, None, 6)),
    ("between 20 and 30", Figure("range", None, 20, 30)),
    ("two or three", Figure("range", None, 2, 3)),
    ("20-30", Figure("range", None, 20, 30)),
    ("dozens", Figure("vague", None, 24, None)),
    ("a handful", Figure("vague", None, None, None)),
    ("No one", Figure("exact", 0, 0, 0)),
    ("six", Figure("exact", 6, 6, 6)),
])
def test_parse_figure(words, figure):
    assert parse_figure(words) == figure


@pytest.mark.parametrize("words", ["many", "30 to 20", "at least dozens", "the victims"])
def test_parse_figure_rejects(words):
    with pytest.raises(NotANumber):
        parse_figure(words)
