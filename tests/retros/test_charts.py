"""The SVG charts: titled, escaped, and honest about folded (None) values."""

from __future__ import annotations

from stories.retros import charts
from stories.retros.sparkline import sparkline


def test_it_titles_and_describes_every_chart():
    svg = charts.bar_chart(
        "c1",
        "Good & bad",
        ["Jan", "Feb"],
        [charts.Series("Good", [1, 2], charts.GOOD)],
        description="See the table",
    )
    assert svg.startswith('<svg class="chart" id="c1"')
    assert 'role="img" aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">Good &amp; bad</title><desc id="c1-desc">See the table</desc>' in svg


def test_it_escapes_names_typed_by_people():
    svg = charts.hbar_chart("c2", "Channels", [("<script>alert(1)</script>", 3, "#000")])
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    spark = sparkline("s1", 'A "quoted" <name>', [1, 2], [0, 1])
    assert 'aria-label="A &quot;quoted&quot; &lt;name&gt;"' in spark


def test_it_escapes_the_titles_of_twin_bars():
    svg = charts.diverging_bars(
        "c5", "t", ['<b>"May"</b>', "June"], [1, 2], [0, 1], peak=2, up_name="honoured", down_name="broken"
    )
    assert "<b>" not in svg
    assert "<title>&lt;b&gt;&quot;May&quot;&lt;/b&gt;: honoured 1</title>" in svg


def test_it_draws_one_bar_per_non_zero_value_with_its_figure():
    svg = charts.bar_chart("c3", "t", ["Jan", "Feb", "Mar"], [charts.Series("Good", [2, 0, 5], charts.GOOD)])
    assert svg.count("<rect x=") - 1 == 2  # one legend swatch
    assert "<title>Jan: Good 2</title>" in svg and "<title>Mar: Good 5</title>" in svg


def test_it_breaks_lines_at_folded_values_instead_of_drawing_zero():
    svg = charts.line_chart(
        "c4",
        "t",
        ["a", "b", "c", "d", "e"],
        [charts.Series("s", [10, 20, None, 30, 40], charts.BRAND)],
        top=100,
        unit="%",
    )
    assert svg.count("<polyline") == 2
    assert "<title>c: " not in svg


def test_it_marks_folded_sparkline_months_apart_from_zero():
    spark = sparkline("s2", "x", [1, None, 0], [0, 2, None])
    assert spark.count(f'fill="{charts.GOOD}"') == 1 and spark.count(f'fill="{charts.BAD}"') == 1
    assert spark.count(f'fill="{charts.FOLDED}"') == 2


def test_it_picks_round_axis_maxima():
    assert charts._nice_max(0) == (1.0, 1.0)
    assert charts._nice_max(3) == (3.0, 1.0)
    assert charts._nice_max(7) == (8.0, 2.0)
    assert charts._nice_max(57) == (60.0, 20.0)


def test_it_leaves_folded_rows_out_of_bar_lists():
    svg = charts.hbar_chart("c5", "t", [("Phone", 4, "#000"), ("Email", None, "#000"), ("Chat", 0, "#000")])
    assert "Phone" in svg and "Email" not in svg and "Chat" not in svg


def test_it_marks_folded_small_multiple_months_apart_from_zero():
    svg = charts.diverging_bars(
        "d",
        "x",
        ["Jan", "Feb", "Mar"],
        [2, None, 0],
        [0, 1, None],
        peak=2,
        up_name="up",
        down_name="down",
        folded_name="folded for privacy",
    )
    assert svg.count(f'fill="{charts.GOOD}"') == 1 and svg.count(f'fill="{charts.BAD}"') == 1
    assert svg.count(f'fill="{charts.FOLDED}"') == 2
    assert "<title>Feb: up folded for privacy</title>" in svg
