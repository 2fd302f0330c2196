"""The segment writers of a build, on Whoosh's writers' internals (pinned with the rest in
index/whoosh_ext.py):
- `ArrayPoolWriter`: one process's writer, its postings held in arrays;
- `ParallelWriter`: Whoosh's multi-process writer (a segment per core), made safe to
  interrupt and to kill;
- both write a segment's snapshot files (index/snapshot.py) when they finish it, from
  the normalised texts of the documents they added or merged (`_SegmentTexts`);
- `merge_small_segments`, a merge policy for a build's last commit.
"""
from __future__ import annotations

import os
import pickle
import queue
import signal
import threading
from collections import Counter
from pathlib import Path

from whoosh import formats, multiproc
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.reading import SegmentReader
from whoosh.system import pack_uint
from whoosh.util import random_name
from whoosh.writing import SegmentWriter

from .posting_pool import PostingArrays
from .processes import die_with_parent
from .snapshot import segment_texts, write_segment_files
from .whoosh_ext import codec

MAX_SEGMENTS = 20


class _SegmentTexts:
    """A writer that writes its segment's snapshot files (index/snapshot.py) as it finishes
    the segment, from the normalised texts of the documents it added: the stored fields
    hold only the edits from a block's normalised text back to its printed one
    (index/printed.py), so the texts could not be read back from them. A merged
    segment's documents bring their texts from their old segment's snapshot files."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.norms: dict[int, str] = {}  # by document number in the new segment

    def add_reader(self, reader):
        base, texts = self.docnum, self.norms
        old = segment_texts(Path(self.storage.folder), reader, reader.segment().segment_id())
        super().add_reader(reader)
        live = (docnum for docnum in range(reader.doc_count_all()) if not reader.is_deleted(docnum))
        for new, docnum in enumerate(live, start=base):
            if old[docnum] is not None:
                texts[new] = old[docnum]

    def _finalize_segment(self):
        segment = super()._finalize_segment()
        write_segment_files(Path(self.storage.folder), self.storage, self.schema, segment, self.norms)
        return segment


class _PostingsByTerm:
    """A writer that writes its segment's postings a term at a time from its pool's
    arrays (`PostingArrays.term_groups`, `CompactCodec`'s field writer) instead of a
    posting at a time."""

    def _flush_segment(self):
        # SegmentWriter._flush_segment, with the postings grouped by term
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        self.fieldwriter.add_term_groups(self.schema, lengths, self.pool.term_groups())
        self.fieldwriter.close()
        if lengths:
            lengths.close()


_CACHED_VALUES = 4096  # distinct (field, value) analyses a writer keeps


class ArrayPoolWriter(_SegmentTexts, _PostingsByTerm, SegmentWriter):
    """Whoosh's segment writer with its postings held in arrays (index/posting_pool.py)
    instead of tuples pickled to temporary files, that writes its segment's snapshot files
    (`_SegmentTexts`; a block's normalised text comes with it as `_norm`, a name Whoosh
    ignores).

    Its `add_document` is Whoosh's for a schema without vectors, spelling words, sortable
    columns or boosts (Baogao's), and cheaper per block: the report-level fields that every
    block repeats (report id, place, year, kind) are analysed once per value, and a list
    of words (a block's pre-analysed text) is counted in one step; a schema with any of
    those features gets Whoosh's own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pool = PostingArrays()
        self._analysed: dict[tuple[str, str], tuple[list, int]] = {}
        self._plain = all(not field.vector and not field.separate_spelling() and not field.column_type
                          and (field.format is None or field.format.field_boost == 1.0)
                          for _, field in self.schema.items())
        self._names = frozenset(self.schema.names())
        self._boosts = frozenset(["_boost", *(f"_{name}_boost" for name in self._names)])

    def add_document(self, **fields):
        norm = fields.get("_norm")
        if norm is not None:
            self.norms[self.docnum] = norm
        if not self._plain or not self._boosts.isdisjoint(fields):
            return super().add_document(**fields)
        # SegmentWriter.add_document without the features `_plain` rules out
        self._check_state()
        schema, perdocwriter, docnum = self.schema, self.perdocwriter, self.docnum
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        if not self._names.issuperset(fieldnames):
            self._check_fields(schema, fieldnames)  # raises UnknownFieldError
        perdocwriter.start_doc(docnum)
        postings = []
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    field_postings, length = self._postings_of(fieldname, field, value)
                    postings += field_postings
                stored = fields.get(f"_stored_{fieldname}", value) if field.stored else None
                perdocwriter.add_field(fieldname, field, stored, length)
        except Exception:
            perdocwriter.cancel_doc()
            raise
        self.pool.add_document_postings(docnum, postings)
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _postings_of(self, fieldname: str, field, value) -> tuple[list, int]:
        """(the postings of `field.index(value)`, as ((fieldname, term bytes), weight,
        value bytes) items, the field's length in the document)."""
        if isinstance(value, list) and type(field.format) is formats.Frequency:
            # Frequency.word_values over a list of words: each word's count is its weight
            counts = Counter(value)
            postings = [((fieldname, word.encode("utf-8")), float(count), pack_uint(count))
                        for word, count in counts.items()]
            return postings, len(value) if field.scorable else 0
        if not isinstance(value, str) or field.scorable:  # a text: seldom repeated
            return self._analyse(fieldname, field, value)
        key = (fieldname, value)
        known = self._analysed.get(key)
        if known is None:
            known = self._analyse(fieldname, field, value)
            if len(self._analysed) >= _CACHED_VALUES:
                self._analysed.clear()
            self._analysed[key] = known
        return known

    @staticmethod
    def _analyse(fieldname: str, field, value) -> tuple[list, int]:
        items = list(field.index(value))
        length = sum(freq for _, freq, _, _ in items) if field.scorable else 0
        return [((fieldname, term), weight, data) for term, _, weight, data in items], length


def new_writer(ix, processes: int):
    """A writer for one batch: `processes` sub-writers, or one in-process writer."""
    if processes > 1:
        # Sub-writers receive pre-analysed documents in job files of `batchsize` blocks and
        # each adds its own segment at commit (multisegment: no extra merge pass).
        return ParallelWriter(ix, procs=processes, batchsize=256, multisegment=True,
                              codec=codec(ix.schema))
    return ArrayPoolWriter(ix, codec=codec(ix.schema))


class WriterDied(RuntimeError):
    """A Whoosh sub-writer process died (killed, out of memory): its batch is cancelled."""


class _SubWriter(SubWriterTask):
    """A Whoosh sub-writer process that dies with the build (else a killed build would
    leave it waiting for work forever, holding the index's write lock)."""

    def __init__(self, *args):
        super().__init__(*args)
        self._parent = os.getpid()

    def run(self):
        die_with_parent(self._parent)
        # Whoosh's task creates a plain SegmentWriter; this process's is ours.
        multiproc.SegmentWriter = ArrayPoolWriter
        super().run()

    def _process_file(self, filename, doc_count):
        # A job file of ParallelWriter._enqueue: one pickled list of documents.
        storage = self.writer.temp_storage()
        with storage.open_file(filename).raw_file() as job:
            documents = pickle.load(job)
        for fields in documents:
            self.writer.add_document(**fields)
        storage.delete_file(filename)


class ParallelWriter(_SegmentTexts, _PostingsByTerm, MpWriter):
    """Whoosh's multi-process writer (one sub-writer per core builds its own segment),
    made safe to interrupt and to kill: sub-writers ignore Ctrl-C, which the build
    handles, die with the build, and `cancel` stops and joins them instead of leaving
    them waiting for work. Its own segment holds only what a merge adds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pool = PostingArrays()  # what a merge at commit adds (see ArrayPoolWriter)
        self.jobqueue = _GuardedQueue(self.jobqueue, self._died)

    def _enqueue(self):
        """MpWriter._enqueue, with the job file one pickle of the documents (read by
        `_SubWriter._process_file`) instead of one pickle each: the field names and a
        report's values, which every block repeats, are pickled once a file."""
        filename = f"{random_name()}.doclist"
        with self.temp_storage().create_file(filename).raw_file() as job:
            pickle.dump([fields for _, fields in self.docbuffer], job, pickle.HIGHEST_PROTOCOL)
        if len(self.tasks) < self.procs:
            self._new_task()
        self.jobqueue.put((filename, len(self.docbuffer)))
        self.docbuffer = []

    def _died(self) -> bool:
        """Whether a sub-writer has died. A process killed while it held the job queue's
        lock leaves the others blocked on it for ever, so every wait below gives up then."""
        return any(task.exitcode not in (None, 0) for task in self.tasks)

    def _new_task(self):
        previous = None
        if threading.current_thread() is threading.main_thread():
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            # MpWriter._new_task, with our sub-writer class
            task = _SubWriter(self.storage, self.indexname, self.jobqueue.queue, self.resultqueue, self.subargs,
                              self.multisegment)
            self.tasks.append(task)
            task.start()
            return task
        finally:
            if previous is not None:
                signal.signal(signal.SIGINT, previous)

    def _commit(self, mergetype, optimize, merge):
        """MpWriter._commit (multisegment), made strict: Whoosh's own skips a sub-writer
        whose result does not come and commits without its documents, reporting success.
        Here a sub-writer that died cancels the whole batch instead (WriterDied)."""
        assert self.multisegment
        if self.docbuffer:
            self._enqueue()
        for _ in self.tasks:
            self.jobqueue.put(None)
        finalsegments = self._merge_segments(mergetype, optimize, merge)
        for task in self.tasks:
            while task.is_alive() and not self._died():
                task.join(timeout=1)
        if self._died():
            self._kill_tasks()
        results = []
        for _ in self.tasks:
            try:
                results.append(self.resultqueue.get(timeout=5))
            except queue.Empty:
                break
        lost = sum(1 for task in self.tasks if task.exitcode != 0) or len(self.tasks) - len(results)
        if lost:
            SegmentWriter.cancel(self)
            raise WriterDied(f"{lost} index writer process(es) died before finishing their documents")
        finalsegments += [segment for _, _, segment in results]
        if self._added:
            finalsegments.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(finalsegments)
        self._finish()

    def cancel(self):
        if self.is_closed:  # already cancelled (a sub-writer died during the commit)
            return
        try:
            for _ in self.tasks:
                self.jobqueue.put(None)
        except WriterDied:
            self._kill_tasks()
        for task in self.tasks:
            while task.is_alive():
                if self._died():
                    self._kill_tasks()
                try:
                    self.resultqueue.get(timeout=1)  # drain, so the task can exit
                except queue.Empty:
                    pass
            task.join()
        SegmentWriter.cancel(self)

    def _kill_tasks(self):
        for task in self.tasks:
            if task.is_alive():
                task.kill()
        for task in self.tasks:
            task.join()


class _GuardedQueue:
    """The sub-writers' job queue, whose `put` gives up (WriterDied) once a sub-writer has
    died instead of waiting for room that may never come."""

    def __init__(self, queue_, died):
        self.queue = queue_
        self._died = died

    def put(self, item):
        while True:
            try:
                return self.queue.put(item, timeout=1)
            except queue.Full:
                if self._died():
                    raise WriterDied("an index writer process died before finishing its documents") from None

    def __getattr__(self, name):
        return getattr(self.queue, name)


def merge_small_segments(writer, segments):
    """Whoosh merge policy for a build's last commit.

    Segments under a tenth of the largest (what incremental builds leave) are folded into
    the new segment once four have gathered; past MAX_SEGMENTS, all but the largest are.
    Large segments are otherwise left alone: Whoosh's default policy re-merges most of a
    large index at each commit, which makes a 10,000-report build quadratic.
    """
    largest = max(segments, key=lambda s: s.doc_count_all(), default=None)
    small = [s for s in segments if s.doc_count_all() * 10 < largest.doc_count_all()] if largest else []
    if len(small) < 4:
        small = [s for s in segments if s is not largest] if len(segments) > MAX_SEGMENTS else []
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in small]
