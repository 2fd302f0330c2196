"""Read report files (.txt, .docx, .pdf, .html) into plain text.

Every reader returns the text with one printed line or paragraph per line. Problems a
user can fix (an empty, binary, unreadable or unsupported file) raise `SourceError`,
whose message names the file and the reason.
"""
from __future__ import annotations

import codecs
import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from baogao import settings

SUPPORTED_SUFFIXES = (".txt", ".text", ".docx", ".pdf", ".html", ".htm")


class SourceError(Exception):
    """A file that cannot be turned into report text; the message says why."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class ReportFile:
    """A file to index: where it is, and the name users see (`source`): its path relative
    to the parent of the directory that was given (seeds/001.txt), or its bare name."""

    path: Path
    source: str


def iter_report_files(paths: list[Path]) -> tuple[list[ReportFile], list[SourceError]]:
    """Expand files and directories (recursively) into the report files they hold.

    Returns the files in a stable order and an error for every path that does not exist
    or names a file of an unsupported type.
    """
    files: list[ReportFile] = []
    errors: list[SourceError] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            root = path.resolve()
            for found in _walk(path, errors):
                files.append(ReportFile(found, display_name(Path(root.name) / found.relative_to(path))))
        elif path.is_symlink():
            errors.append(SourceError(path, "a symbolic link: give the file it points to"))
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                files.append(ReportFile(path, display_name(Path(path.name))))
            else:
                errors.append(SourceError(path, f"unsupported file type '{path.suffix or '(none)'}' "
                                                f"(supported: {', '.join(SUPPORTED_SUFFIXES)})"))
        else:
            errors.append(SourceError(path, "no such file or directory"))
    return files, errors


def _walk(root: Path, errors: list[SourceError]) -> list[Path]:
    """The report files below `root`, sorted; hidden files and folders are skipped, and
    symbolic links are never followed (a link could lead anywhere, or round in a loop)."""
    found = []
    for folder, subfolders, names in os.walk(root, followlinks=False,
                                               onerror=lambda exc: errors.append(SourceError(exc.filename, "cannot read the folder"))):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(names):
            path = Path(folder) / name
            if name.startswith(".") or path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if path.is_symlink():
                errors.append(SourceError(path, "a symbolic link, not followed"))
            elif path.is_file():
                found.append(path)
    return sorted(found)


def display_name(path: Path) -> str:
    """A path as users see it: bytes that are not UTF-8 (a file name from another
    system) shown as U+FFFD instead of breaking whatever prints it."""
    return os.fsencode(path.as_posix()).decode("utf-8", "replace")


def read_text(path: Path | str) -> str:
    """Return the text of one report file, choosing the reader by its type."""
    return text_from_bytes(path, read_bytes(path))


def read_bytes(path: Path | str) -> bytes:
    """The bytes of one report file, or SourceError naming the file and the reason (a
    file larger than the max_file_mb setting is refused before it is read)."""
    limit = settings.get("max_file_mb")
    try:
        size = Path(path).stat().st_size
        if size > limit * 1_000_000:
            raise SourceError(path, f"the file is {size / 1e6:.0f} MB, more than the {limit} MB a report may be "
                                    f"(BAOGAO_MAX_FILE_MB raises the limit)")
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise SourceError(path, "is a directory") from None
    except OSError as exc:
        raise SourceError(path, f"cannot read the file ({exc.strerror or exc})") from None


def text_from_bytes(path: Path | str, data: bytes) -> str:
    """The text of a report file already read as `data`; `path` gives its type and name."""
    path = Path(path)
    if not data.strip():
        raise SourceError(path, "the file is empty")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        text = _docx_text(path, data)
    elif suffix == ".pdf":
        text = _pdf_text(path, data)
    elif suffix in (".html", ".htm"):
        from .html_text import html_to_text
        text = html_to_text(decode_bytes(path, data, html=True))
    elif suffix in (".txt", ".text"):
        text = decode_bytes(path, data)
    else:
        raise SourceError(path, f"unsupported file type '{suffix or '(none)'}'")
    if not text.strip():
        raise SourceError(path, "no text found in the file")
    return text


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def decode_bytes(path: Path | str, data: bytes, html: bool = False) -> str:
    """Decode a text file's bytes, detecting the encoding from the bytes themselves.

    A byte-order mark wins; then UTF-16 without one, when it decodes to plausible text;
    then strict UTF-8; then an HTML page's declared charset; then charset-normalizer's best
    guess (GB18030/GBK, Big5 ...). Many NUL bytes mean a binary file; a stray one is dropped.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(path, data, encoding)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    sample = data[:4096]
    if sample.count(0) > len(sample) // 100:  # a stray NUL is damage; many mean binary
        raise SourceError(path, "binary file, not text")
    data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            try:
                return data.decode(_widen(declared.group(1).decode("ascii")))
            except (LookupError, UnicodeDecodeError):
                pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SourceError(path, "binary file or unknown text encoding")
    return _decode(path, data, _widen(best.encoding))


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 without a byte-order mark, or None. Chinese text in UTF-16 has
    few NUL bytes, so the test is whether it decodes to mostly CJK, letters and punctuation."""
    if len(data) % 2 or len(data) < 4:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:2000]
        plausible = sum(1 for c in sample if c.isprintable() or c in "\r\n\t")
        cjk = sum(1 for c in sample if "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef")
        if plausible > 0.95 * len(sample) and (cjk > 0.2 * len(sample) or sample.isascii()):
            return text
    return None


def _widen(encoding: str) -> str:
    """GB2312 and GBK are subsets of GB18030; decode with the superset."""
    return "gb18030" if encoding.lower().replace("-", "").replace("_", "") in {"gb2312", "gbk", "gb18030"} else encoding


def _decode(path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        raise SourceError(path, f"the text is not valid {encoding}") from None


def _docx_text(path: Path, data: bytes) -> str:
    """Paragraphs and table cells of a .docx, in document order."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _check_unpacked_size(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise SourceError(path, "not a valid .docx file") from None
    lines = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(node.text or "" for node in child.iter() if node.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tc"):
                    lines.append("".join(n.text or "" for n in row.iter() if n.tag.endswith("}t")))
    return "\n".join(lines)


def _check_unpacked_size(path: Path, data: bytes) -> None:
    """Refuse a .docx whose parts unpack to more than the max_file_mb setting (a zip bomb
    disguised as a report would otherwise take gigabytes)."""
    limit = settings.get("max_file_mb") * 1_000_000
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise SourceError(path, "not a valid .docx file") from None
    if unpacked > limit:
        raise SourceError(path, f"the .docx unpacks to {unpacked / 1e6:.0f} MB, more than the "
                                f"{limit / 1e6:.0f} MB a report may be")


def _pdf_text(path: Path, data: bytes) -> str:
    """The text layer of a PDF, with wrapped lines joined back into paragraphs."""
    from pdfminer.high_level import extract_text
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    try:
        text = extract_text(io.BytesIO(data))
    except (PDFSyntaxError, PSException, ValueError, TypeError, KeyError):
        raise SourceError(path, "not a valid PDF file") from None
    except Exception as exc:  # pdfminer raises many private exception types on damaged files
        raise SourceError(path, f"cannot read the PDF ({type(exc).__name__})") from None
    if not text.strip():
        raise SourceError(path, "the PDF has no text layer (a scanned image?)")
    return reflow_wrapped_lines(text)


_PARAGRAPH_END = tuple("。！？；：:;!?")


def reflow_wrapped_lines(text: str) -> str:
    """Join lines that a page layout wrapped: a line as long as the page's longest lines
    that does not end a sentence continues on the next line."""
    lines = [line.strip() for line in text.replace("\f", "\n").split("\n")]
    widths = sorted(len(line) for line in lines if line)
    if not widths:
        return ""
    full_width = widths[int(len(widths) * 0.9)]  # robust "full line" width
    out: list[str] = []
    carry = ""
    for line in lines:
        if not line:
            if carry:
                out.append(carry)
                carry = ""
            continue
        carry += line
        if len(line) < full_width * 0.85 or line.endswith(_PARAGRAPH_END):
            out.append(carry)
            carry = ""
    if carry:
        out.append(carry)
    return "\n".join(out)
