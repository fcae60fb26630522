"""The live library held in memory by each process, for the library page.

Counting every facet over the rows a frequent word matches (most of the library)
costs the database hundreds of milliseconds; the same counts over arrays in memory
take a few. Each process keeps:

- a snapshot of the live resources: publication dates and facet values (type,
  publisher, year, theme, audience and tag ids), read in one pass;
- for each term asked, the resources it matches and their score, read once from the
  full-text index (a bounded cache): ``ts_rank`` over the GIN-indexed
  ``search_vector`` on PostgreSQL, ``bm25`` over the FTS5 table on SQLite
  (resources.search). A resource's rank is the sum of its terms' scores, as there.

Both belong to one version of the library, a number the triggers of migration 0007
change whenever a change reaches what the page shows. Every listing reads the
version first and a process holding an older one starts again. The number is never
handed out twice, even after a rollback (a sequence on PostgreSQL, a random 63-bit
number on SQLite), so what a transaction saw before rolling back is never taken for
what was committed.

The results are those of the SQL path (resources.facets, resources.search), which
the API and the feeds use; tests/resources/test_library_index.py holds them to it.
"""

import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

import numpy as np
from django.db import connection, transaction

from core.analyser import ParsedQuery, ts_phrase
from core.fulltext import FTS_CONFIG
from themes.filters import tag_matching

from .search import FTS_TABLE, FTS_WEIGHTS, uses_postgres

VERSION_SQL = "SELECT max(version) FROM resources_library_version"
# PostgreSQL: one pass over the table; each column comes back as one array (the arrays
# of one subquery in the same order), and each facet array as (resource id, value) pairs.
POSTGRES_SNAPSHOT_SQL = """
    WITH r AS MATERIALIZED (
        SELECT id, published_on - DATE '1970-01-01' AS day, kind,
               COALESCE(publisher_id, 0) AS publisher, theme_ids, audience_ids, tag_ids
        FROM resources_resource WHERE live
    )
    SELECT * FROM
        (SELECT array_agg(id), array_agg(day), array_agg(kind), array_agg(publisher) FROM r) c,
        (SELECT array_agg(id), array_agg(v) FROM r, unnest(theme_ids) v) t,
        (SELECT array_agg(id), array_agg(v) FROM r, unnest(audience_ids) v) a,
        (SELECT array_agg(id), array_agg(v) FROM r, unnest(tag_ids) v) g
"""
POSTGRES_POSTINGS_SQL = """
    SELECT array_agg(id), array_agg(ts_rank(search_vector, q))
    FROM resources_resource, to_tsquery(%s, %s) q
    WHERE live AND search_vector @@ q
"""
# SQLite: the rows, then the (resource id, value) pairs of each link table.
SQLITE_SNAPSHOT_SQL = [
    "SELECT id, CAST(julianday(published_on) - 2440587.5 AS INTEGER), kind, "
    "COALESCE(publisher_id, 0) FROM resources_resource WHERE live",
    "SELECT t.resource_id, t.themepage_id FROM resources_resource_themes t "
    "JOIN resources_resource r ON r.id = t.resource_id WHERE r.live",
    "SELECT a.resource_id, a.audience_id FROM resources_resource_audiences a "
    "JOIN resources_resource r ON r.id = a.resource_id WHERE r.live",
    "SELECT g.content_object_id, g.tag_id FROM resources_taggedresource g "
    "JOIN resources_resource r ON r.id = g.content_object_id WHERE r.live",
]
SQLITE_POSTINGS_SQL = (
    f"SELECT rowid, -bm25({FTS_TABLE}, {FTS_WEIGHTS}) FROM {FTS_TABLE} "  # noqa: S608
    f"WHERE {FTS_TABLE} MATCH %s"
)
# The term cache's bound, in matched resources summed over its terms (12 bytes each;
# a term matching nothing counts as one).
POSTINGS_BUDGET = 2_000_000


@dataclass(frozen=True)
class Facet:
    """One facet's values over the snapshot: ``codes[i]`` is the index in ``values`` of
    the value of the i-th resource (column facets) or of the i-th pair, whose resource is
    at ``positions[i]`` (theme, audience and tag ids: several per resource)."""

    values: list
    codes: np.ndarray
    positions: np.ndarray | None = None

    def code_of(self, chosen) -> list[int]:
        index = {value: code for code, value in enumerate(self.values)}
        return [index[value] for value in chosen if value in index]

    def counted(self, rows: np.ndarray) -> Counter:
        """How many of the resources in ``rows`` (a mask) have each value."""
        codes = self.codes[rows] if self.positions is None else self.codes[rows[self.positions]]
        numbers = np.bincount(codes, minlength=len(self.values))
        return Counter({self.values[code]: int(numbers[code]) for code in np.flatnonzero(numbers)})

    def having(self, chosen, size: int) -> np.ndarray:
        """A mask of the resources having one of the ``chosen`` values."""
        hits = np.isin(self.codes, self.code_of(chosen))
        if self.positions is None:
            return hits
        mask = np.zeros(size, dtype=bool)
        mask[self.positions[hits]] = True
        return mask


@dataclass(frozen=True)
class Snapshot:
    version: int | None
    ids: np.ndarray  # ascending: a resource's position is its index here
    newest_first: np.ndarray  # positions by publication date, then id, descending
    newest_rank: np.ndarray  # each position's place in newest_first
    facets: dict[str, Facet]
    postings: OrderedDict = field(default_factory=OrderedDict, compare=False)
    postings_size: list = field(default_factory=lambda: [0], compare=False)

    @property
    def size(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class IndexListing:
    """The matches of a listing (ordered only as far as a page asks) and every facet's
    counts: kind as text, the other values as ids or years."""

    total: int
    counts: dict[str, Counter]
    snapshot: Snapshot
    matching: np.ndarray
    scores: np.ndarray | None  # None: newest first

    def ids(self, stop: int) -> np.ndarray:
        """The ids of the first ``stop`` matches, in the page's order."""
        snapshot = self.snapshot
        if self.scores is None:
            ordered = snapshot.newest_first[self.matching[snapshot.newest_first]]
            return snapshot.ids[ordered[:stop]]
        positions = np.flatnonzero(self.matching)
        if stop < len(positions):
            positions = _best(positions, self.scores[positions], snapshot.newest_rank, stop)
        order = np.lexsort((snapshot.newest_rank[positions], -self.scores[positions]))
        return snapshot.ids[positions[order][:stop]]


def _best(positions, scores, newest_rank, count: int) -> np.ndarray:
    """The ``count`` best positions by score, ties going to the newest, in any order:
    linear, where sorting every match is not."""
    threshold = -np.partition(-scores, count - 1)[count - 1]
    better = positions[scores > threshold]
    tied = positions[scores == threshold]
    wanted = count - len(better)
    if wanted < len(tied):
        tied = tied[np.argpartition(newest_rank[tied], wanted - 1)[:wanted]]
    return np.concatenate([better, tied])


_lock = threading.Lock()
_current: list[Snapshot] = []


def library_version() -> int | None:
    with connection.cursor() as cursor:
        cursor.execute(VERSION_SQL)
        return cursor.fetchone()[0]


def current_snapshot() -> Snapshot:
    """This process's snapshot, built again when the library changed since."""
    version = library_version()
    with _lock:
        if _current and version is not None and _current[0].version == version:
            return _current[0]
        snapshot = snapshot_build(version=version)
        _current[:] = [snapshot]
        return snapshot


def forget() -> None:
    """Drop this process's snapshot: the next listing reads the library again."""
    with _lock:
        _current.clear()


def snapshot_build(*, version: int | None) -> Snapshot:
    ids, days, kinds, publishers, pairs = _read_library()
    ids = np.array(ids, dtype=np.int64)
    by_id = np.argsort(ids)
    ids, days = ids[by_id], np.array(days, dtype=np.int64)[by_id]
    newest_first = np.lexsort((-ids, -days))
    newest_rank = np.empty(len(ids), dtype=np.int64)
    newest_rank[newest_first] = np.arange(len(ids))
    years = (np.datetime64("1970-01-01") + days.astype("timedelta64[D]")).astype("datetime64[Y]")
    facets = {
        "kind": _column_facet(np.array(kinds, dtype=object)[by_id].tolist()),
        "publisher": _column_facet(np.array(publishers, dtype=np.int64)[by_id].tolist()),
        "year": _column_facet((years.astype(np.int64) + 1970).tolist()),
    }
    for name, (owners, values) in zip(["theme", "audience", "tag"], pairs, strict=True):
        facet = _column_facet(values)
        positions, known = _positions(ids, np.array(owners, dtype=np.int64))
        facets[name] = Facet(facet.values, facet.codes[known], positions[known])
    return Snapshot(
        version=version,
        ids=ids,
        newest_first=newest_first,
        newest_rank=newest_rank,
        facets=facets,
    )


def _read_library():
    """The live resources' ids, days since 1970, kinds and publishers (0: none), and the
    (resource ids, values) of their themes, audiences and tags."""
    with connection.cursor() as cursor:
        if uses_postgres():
            cursor.execute(POSTGRES_SNAPSHOT_SQL)
            ids, days, kinds, publishers, *pairs = (column or [] for column in cursor.fetchone())
            return ids, days, kinds, publishers, list(zip(pairs[::2], pairs[1::2], strict=True))
        with transaction.atomic():  # one read transaction: the tables as of one moment
            tables = []
            for sql in SQLITE_SNAPSHOT_SQL:
                cursor.execute(sql)
                tables.append(cursor.fetchall())
    resources, *pairs = tables
    ids, days, kinds, publishers = _columns(resources, width=4)
    return ids, days, kinds, publishers, [_columns(rows, width=2) for rows in pairs]


def _columns(rows: list[tuple], *, width: int) -> list:
    return [list(column) for column in zip(*rows, strict=True)] if rows else [[]] * width


def _positions(ids: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each of ``wanted`` is in ``ids`` (ascending), and which of them are there."""
    positions = np.searchsorted(ids, wanted)
    known = positions < len(ids)
    known[known] = ids[positions[known]] == wanted[known]
    return positions, known


def _column_facet(values) -> Facet:
    index: dict = {}
    codes = np.fromiter((index.setdefault(value, len(index)) for value in values), np.int32)
    return Facet(values=list(index), codes=codes)


def library_listing(
    *, parsed: ParsedQuery | None, cleaned: dict, by_relevance: bool
) -> IndexListing:
    """The matches and every facet's counts, each facet counted with the other facets'
    choices kept (« avec les autres filtres »). ``parsed`` None: no text searched."""
    snapshot = current_snapshot()
    if parsed is None:
        text, scores = np.ones(snapshot.size, dtype=bool), None
    else:
        text, scores = _text_match(snapshot, parsed)
    chosen = _chosen_masks(snapshot, cleaned)
    matching = text.copy()
    for mask in chosen.values():
        matching &= mask
    counts = {}
    for name, facet in snapshot.facets.items():
        rows = matching
        if name in chosen:  # its own choice left out: every value it offers is counted
            rows = text.copy()
            for other, mask in chosen.items():
                if other != name:
                    rows &= mask
        counts[name] = facet.counted(rows)
    counts["publisher"].pop(0, None)
    return IndexListing(
        total=int(matching.sum()),
        counts=counts,
        snapshot=snapshot,
        matching=matching,
        scores=scores if by_relevance else None,
    )


def _text_match(snapshot: Snapshot, parsed: ParsedQuery) -> tuple[np.ndarray, np.ndarray]:
    """Resources holding every required term and no excluded one; their rank is the sum
    of its terms' scores (as resources.search.rank)."""
    matching = np.ones(snapshot.size, dtype=bool)
    scores = np.zeros(snapshot.size)
    for term in parsed.required:
        positions, ranks = _postings(snapshot, term)
        has_term = np.zeros(snapshot.size, dtype=bool)
        has_term[positions] = True
        matching &= has_term
        scores[positions] += ranks
    for term in parsed.excluded:
        matching[_postings(snapshot, term)[0]] = False
    return matching, scores


def _postings(snapshot: Snapshot, term: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """The positions of the resources matching one term (stems side by side), and their
    score."""
    with _lock:
        cached = snapshot.postings.get(term)
        if cached is not None:
            snapshot.postings.move_to_end(term)
            return cached
    with connection.cursor() as cursor:
        if uses_postgres():
            cursor.execute(POSTGRES_POSTINGS_SQL, [FTS_CONFIG, ts_phrase(term)])
            ids, ranks = (column or [] for column in cursor.fetchone())
        else:
            cursor.execute(SQLITE_POSTINGS_SQL, [f'"{" ".join(term)}"'])
            rows = cursor.fetchall()
            ids, ranks = zip(*rows, strict=True) if rows else ([], [])
    ids = np.array(ids, dtype=np.int64)
    ranks = np.array(ranks, dtype=np.float32)
    # A resource published since the snapshot was read is not in it: left out.
    positions, known = _positions(snapshot.ids, ids)
    entry = (positions[known], ranks[known])
    with _lock:
        snapshot.postings[term] = entry
        # A term matching nothing counts as one: random words cannot grow the cache.
        snapshot.postings_size[0] += max(1, len(entry[0]))
        while snapshot.postings_size[0] > POSTINGS_BUDGET and len(snapshot.postings) > 1:
            _term, (dropped, _ranks) = snapshot.postings.popitem(last=False)
            snapshot.postings_size[0] -= max(1, len(dropped))
    return entry


def _chosen_masks(snapshot: Snapshot, cleaned: dict) -> dict[str, np.ndarray]:
    """For each facet with values chosen (validated by the filterset), who has one."""
    chosen = {}
    if cleaned.get("kind"):
        chosen["kind"] = list(cleaned["kind"])
    for name in ["theme", "publisher", "audience"]:
        if cleaned.get(name):
            chosen[name] = [obj.pk for obj in cleaned[name]]
    if cleaned.get("year"):
        chosen["year"] = [int(cleaned["year"])]
    if (cleaned.get("tag") or "").strip():
        tags = tag_matching(text=cleaned["tag"].strip()).values_list("pk", flat=True)
        chosen["tag"] = list(tags)
    return {
        name: snapshot.facets[name].having(values, snapshot.size) for name, values in chosen.items()
    }
