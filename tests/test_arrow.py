"""newsmeta.arrow: the Arrow schema, record batches and Parquet files."""

from __future__ import annotations

import datetime as dt
import tempfile
import typing
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")  # the test extra installs it; skip only in a bare install
pq = pytest.importorskip("pyarrow.parquet")

import newsmeta  # noqa: E402
from newsmeta import Article, Image, Issue, Location, Person, Provenance, Severity  # noqa: E402
from newsmeta.arrow import (  # noqa: E402
    DATETIME_TYPE,
    arrow_schema,
    arrow_type,
    from_record_batch,
    iter_parquet,
    read_parquet,
    to_record_batch,
    write_parquet,
)
from newsmeta.errors import InputError  # noqa: E402

from .conftest import FIXTURES  # noqa: E402
from .strategies import articles  # noqa: E402


def fixture_articles() -> list[Article]:
    return [Article.from_json(p.read_bytes()) for p in sorted(FIXTURES.glob("**/*.expected.json"))]


def as_json(records: list[Article]) -> list[str]:
    return [a.to_json() for a in records]


TZ = dt.timezone(dt.timedelta(hours=3))
RICH = Article(
    url="https://example.com/a",
    title="Заголовок",
    date=dt.date(2022, 1, 7),
    published=dt.datetime(2022, 1, 7, 8, 36, 5, 123456, tzinfo=TZ),
    modified=dt.datetime(2022, 1, 7, 5, 36, tzinfo=dt.timezone.utc),
    tags=("a", "b"),
    other_tag_groups=(("x",), ()),
    images=(Image(url="https://example.com/i.jpg", width=640, representative=True),),
    authors=(Person(name="A. Writer", avatar=Image(url="https://example.com/p.jpg")),),
    publisher=newsmeta.Organization(name="Example", telephone="+74956456601"),
    copyright_year=2022,
    issues=(Issue(code="tz-assumed", severity=Severity.WARNING, message="m", field="published"),),
    provenance={
        "title": Provenance(adapter="html", raw=" Заголовок ", location=Location(path="h1")),
        "published": Provenance(adapter="html", raw="2022-01-07T08:36:05.123456+03:00"),
    },
    source="html",
)


# --------------------------------------------------------------------------- the schema


def record_classes(cls: type, seen: set[type] | None = None) -> set[type]:
    """Every attrs class reachable from ``cls`` through its field types."""
    seen = set() if seen is None else seen
    seen.add(cls)

    def walk(tp: object) -> None:
        for arg in typing.get_args(tp):
            walk(arg)
        if isinstance(tp, type) and attrs.has(tp) and tp not in seen:
            record_classes(tp, seen)

    for hint in typing.get_type_hints(cls).values():
        walk(hint)
    return seen


def test_every_record_class_is_reached() -> None:
    names = {c.__name__ for c in record_classes(Article)}
    assert names == {
        "Article",
        "Image",
        "Issue",
        "Location",
        "Organization",
        "Person",
        "Placeholder",
        "Provenance",
        "Truncation",
        "Unrecognised",
    }


@pytest.mark.parametrize("cls", sorted(record_classes(Article), key=lambda c: c.__name__))
def test_every_record_field_has_a_column(cls: type) -> None:
    """A field added to any record gets its column, in order; none is left out."""
    if cls is Article:
        names = arrow_schema().names
    else:
        names = [f.name for f in arrow_type(cls)]
    assert names == [a.name for a in attrs.fields(cls)]


def test_nullability_follows_the_type_hints() -> None:
    schema = arrow_schema()
    assert schema.field("title").nullable
    assert not schema.field("tags").nullable
    person = schema.field("authors").type.value_type
    assert not person.field("name").nullable
    assert person.field("url").nullable


def test_a_new_record_field_is_derived_without_edits() -> None:
    @attrs.frozen(kw_only=True)
    class Later:
        fetched: dt.datetime | None = None
        filled: bool = False
        where: Location = attrs.field(factory=Location)

    t = arrow_type(Later)
    assert t.field("fetched").type == DATETIME_TYPE
    assert t.field("filled").type == pa.bool_() and not t.field("filled").nullable
    assert t.field("where").type == arrow_type(Location)


def test_a_field_type_without_an_arrow_type_is_refused() -> None:
    with pytest.raises(TypeError, match="no Arrow type"):
        arrow_type(complex)
    with pytest.raises(TypeError, match="union"):
        arrow_type(int | str)


def test_the_schema_does_not_depend_on_the_data() -> None:
    empty = to_record_batch([])
    one = to_record_batch([Article(title="t")])
    rich = to_record_batch([RICH, *fixture_articles()])
    assert empty.num_rows == 0
    assert empty.schema.equals(arrow_schema(), check_metadata=True)
    assert one.schema.equals(empty.schema, check_metadata=True)
    assert rich.schema.equals(empty.schema, check_metadata=True)


def test_datetimes_keep_instant_and_offset() -> None:
    batch = to_record_batch([RICH])
    published = batch.column("published")[0].as_py()
    assert published["offset_seconds"] == 3 * 3600
    assert published["instant"] == dt.datetime(2022, 1, 7, 5, 36, 5, 123456, tzinfo=dt.timezone.utc)
    assert batch.column("modified")[0].as_py()["offset_seconds"] == 0
    assert batch.column("created")[0].as_py() is None
    (back,) = from_record_batch(batch)
    assert back.published is not None and back.published.utcoffset() == dt.timedelta(hours=3)
    assert back.to_json() == RICH.to_json()


@pytest.mark.parametrize(
    "value",
    [
        dt.datetime(1, 1, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),  # UTC is year 0
        dt.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=dt.timezone(-dt.timedelta(hours=23))),
        dt.datetime(2020, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30, seconds=15))),
    ],
)
def test_datetimes_at_the_edges(value: dt.datetime) -> None:
    a = Article(published=value)
    (back,) = from_record_batch(to_record_batch([a]))
    assert back.to_json() == a.to_json()


def test_an_offset_finer_than_a_second_is_refused_by_name() -> None:
    tz = dt.timezone(dt.timedelta(seconds=1, microseconds=5))
    with pytest.raises(InputError, match="finer than a second"):
        to_record_batch([Article(published=dt.datetime(2020, 1, 1, tzinfo=tz))])


def test_a_value_arrow_cannot_hold_is_refused_by_column() -> None:
    with pytest.raises(InputError, match="column copyright_year"):
        to_record_batch([Article(copyright_year=2**64)])


def test_not_an_article_is_refused() -> None:
    with pytest.raises(InputError, match="item 1 is a dict"):
        to_record_batch([Article(), {"title": "t"}])  # type: ignore[list-item]


def test_another_schema_is_refused() -> None:
    batch = to_record_batch([RICH])
    with pytest.raises(InputError, match="missing column"):
        from_record_batch(batch.drop_columns(["title"]))
    title = batch.schema.get_field_index("title")
    other = batch.set_column(title, "title", pa.array([1], pa.int64()))
    with pytest.raises(InputError, match="column title is int64"):
        from_record_batch(other)


# --------------------------------------------------------------------------- round trips


def test_fixtures_round_trip() -> None:
    records = [RICH, *fixture_articles()]
    assert len(records) > 10
    back = from_record_batch(to_record_batch(records))
    assert back == records
    assert as_json(back) == as_json(records)


@given(st.lists(articles, max_size=4))
def test_arrow_round_trip(records: list[Article]) -> None:
    batch = to_record_batch(records)
    batch.validate(full=True)
    back = from_record_batch(batch)
    via_json = [Article.from_json(a.to_json()) for a in records]
    assert back == records == via_json
    assert as_json(back) == as_json(records)  # offsets too: == compares instants only
    for b in back:  # tuples stay tuples all the way down
        assert all(type(g) is tuple for g in b.other_tag_groups)


@given(st.lists(articles, max_size=5))
def test_parquet_round_trip_of_generated_records(records: list[Article]) -> None:
    """Through a file too: nulls under null structs, empty lists and maps, offsets."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.parquet"
        assert write_parquet(records, out, batch_size=2, row_group_size=3) == len(records)
        back = read_parquet(out)
    assert as_json(back) == as_json(records)
    assert back == records


def test_batches_of_one_length_keep_their_own_values() -> None:
    """A column null or empty in a whole batch is made once and reused for the
    next batch of that length; a batch of that length with values gets them."""
    bare = [Article(title=f"bare {i}") for i in range(3)]
    full = [RICH, Article(title="t", images=RICH.images), RICH]
    batches = [to_record_batch(b) for b in (bare, full, bare, full)]
    assert [from_record_batch(b) for b in batches] == [bare, full, bare, full]
    assert batches[0].column("created").null_count == 3
    assert batches[1].column("published").null_count == 1
    assert batches[1].column("images").to_pylist()[1][0]["url"] == "https://example.com/i.jpg"
    for b in batches:
        b.validate(full=True)


def test_severity_is_stored_as_its_text() -> None:
    issues = [Issue(code="c", severity=s, message="m") for s in Severity]
    batch = to_record_batch([Article(issues=tuple(issues))])
    assert [i["severity"] for i in batch.column("issues")[0].as_py()] == [
        "info",
        "warning",
        "error",
    ]


@given(st.lists(articles, min_size=1, max_size=3), st.lists(articles, max_size=3))
def test_two_batches_have_one_schema(one: list[Article], two: list[Article]) -> None:
    assert to_record_batch(one).schema.equals(to_record_batch(two).schema, check_metadata=True)


def test_parquet_round_trip_with_pyarrow(tmp_path: Path) -> None:
    records = [RICH, *fixture_articles()] * 7
    out = tmp_path / "out.parquet"
    n = write_parquet(records, out, batch_size=10, row_group_size=30)
    assert n == len(records)
    pf = pq.ParquetFile(out)
    assert pf.schema_arrow.equals(arrow_schema())
    assert pf.schema_arrow.metadata == arrow_schema().metadata
    # 10-record batches gathered into row groups of at least 30 rows.
    sizes = [pf.metadata.row_group(i).num_rows for i in range(pf.num_row_groups)]
    assert sum(sizes) == len(records) and all(s >= 30 for s in sizes[:-1])
    assert max(sizes) < 40
    table = pq.read_table(out)
    assert table.column("title")[0].as_py() == "Заголовок"
    assert read_parquet(out) == records
    assert as_json(list(iter_parquet(out, batch_size=7))) == as_json(records)
    assert [p.name for p in tmp_path.iterdir()] == ["out.parquet"]


def test_parquet_read_back_with_polars(tmp_path: Path) -> None:
    pl = pytest.importorskip("polars")
    records = [RICH, *fixture_articles()]
    out = tmp_path / "out.parquet"
    write_parquet(records, out)
    frame = pl.read_parquet(out)
    assert frame.height == len(records)
    assert frame.columns == arrow_schema().names
    first = frame.row(0, named=True)
    assert first["title"] == "Заголовок"
    assert first["tags"] == ["a", "b"]
    assert first["authors"][0]["name"] == "A. Writer"
    assert first["published"]["offset_seconds"] == 10800
    assert first["published"]["instant"] == dt.datetime(
        2022, 1, 7, 5, 36, 5, 123456, tzinfo=dt.timezone.utc
    )
    # The map reads back in order (as a dict in polars 2, key/value structs before).
    prov = first["provenance"]
    keys = list(prov) if isinstance(prov, dict) else [e["key"] for e in prov]
    assert keys == ["title", "published"]
    assert frame["issues"][0][0]["severity"] == "warning"
    # And polars' own writing of what it read is still a table of Articles.
    again = tmp_path / "again.parquet"
    frame.write_parquet(again)
    assert pq.read_table(again).num_rows == len(records)


def test_empty_parquet_file_has_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "empty.parquet"
    assert write_parquet([], out) == 0
    assert pq.ParquetFile(out).schema_arrow.equals(arrow_schema())
    assert read_parquet(out) == []


def test_write_parquet_is_complete_or_absent(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    out.write_bytes(b"an older file")

    def failing() -> typing.Iterator[Article]:
        yield from [RICH] * 25
        raise RuntimeError("the input broke")

    with pytest.raises(RuntimeError, match="the input broke"):
        write_parquet(failing(), out, batch_size=10, row_group_size=10)
    assert out.read_bytes() == b"an older file"  # untouched
    assert [p.name for p in tmp_path.iterdir()] == ["out.parquet"]  # no temporary file left


def test_write_parquet_refuses_bad_sizes(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="at least 1"):
        write_parquet([], tmp_path / "x.parquet", batch_size=0)
    assert not list(tmp_path.iterdir())


def test_reading_a_non_parquet_file_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"not parquet at all")
    with pytest.raises(InputError, match="not a readable Parquet file"):
        read_parquet(bad)


# --------------------------------------------------------------------------- the optional extra


def test_a_sink_takes_records_and_batches_in_order(tmp_path: Path) -> None:
    from newsmeta.arrow import ParquetSink

    out = tmp_path / "out.parquet"
    with ParquetSink(out, batch_size=2) as sink:
        sink.write(Article(title="a"))
        sink.write_batch(to_record_batch([Article(title="b"), Article(title="c")]))
        sink.write(Article(title="d"))
        with pytest.raises(InputError, match="schema"):
            sink.write_batch(pa.record_batch([pa.array([1])], names=["x"]))
    assert sink.count == 4
    assert [a.title for a in read_parquet(out)] == ["a", "b", "c", "d"]


def test_writing_does_not_import_pyarrow_compute(tmp_path: Path) -> None:
    """Its import costs 0.1-0.3 s of CPU in every process that writes records (a
    null struct's mask once went through ``pyarrow.compute.invert``). pandas,
    which imports it, is kept out as it is where it is not installed."""
    import subprocess
    import sys

    code = f"""
import sys
class NoPandas:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "pandas":
            raise ImportError("pandas is not installed here")
sys.meta_path.insert(0, NoPandas())
import newsmeta
from newsmeta.arrow import write_parquet
records = [newsmeta.Article(title="t", published=None), newsmeta.Article()]
write_parquet(records + [newsmeta.Article.from_json({RICH.to_json()!r})], {str(tmp_path / "o.parquet")!r})
assert "pyarrow.compute" not in sys.modules, "pyarrow.compute was imported"
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
