"""Zip bombs shaped as OpenDocument texts, written member by member (the test never
holds what they inflate to), and the probe ``test_zip_bomb`` runs in a fresh process
to measure what checking one costs.

Run as ``python -m tests.security.zip_bombs <file> <warm-up file> <database>``: checks
the file with the resource contribution form (which reads the published thématiques
from the test database) and prints, as JSON, the form's errors and how much the
process's peak memory grew meanwhile.
"""

import contextlib
import json
import os
import resource
import struct
import sys
import zipfile

MiB = 1024 * 1024
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
CONTENT = b'<?xml version="1.0"?><office:document-content/>'


def write_bomb(path, *, inflated: int, compression=zipfile.ZIP_DEFLATED, level=1) -> None:
    """An .odt whose ``mimetype`` member is ``inflated`` bytes of zeros."""
    chunk = bytes(MiB)
    with zipfile.ZipFile(path, "w", compression=compression, compresslevel=level) as archive:
        with archive.open("mimetype", "w", force_zip64=inflated >= 2**31) as member:
            for _ in range(inflated // MiB):
                member.write(chunk)
        archive.writestr("content.xml", CONTENT)


def write_crowded(path, *, members: int) -> None:
    """An .odt of ``members`` empty members: listing them alone takes memory."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", ODT_MIMETYPE)
        for number in range(members):
            archive.writestr(zipfile.ZipInfo(f"{number:x}"), b"")


def declare_small(path, *, size: int = len(ODT_MIMETYPE)) -> None:
    """Rewrites the first member's declared size, in its local header and in the
    directory, as an attacker would: the archive claims a 39-byte ``mimetype``."""
    data = bytearray(path.read_bytes())
    assert data[:4] == b"PK\x03\x04"
    struct.pack_into("<I", data, 22, size)  # local header: uncompressed size
    directory = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, directory + 24, size)  # directory entry: the same
    path.write_bytes(bytes(data))


def write_document(path) -> None:
    """A small genuine .odt, to warm the probe up."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", ODT_MIMETYPE)
        archive.writestr("content.xml", CONTENT, compress_type=zipfile.ZIP_DEFLATED)


# --- The probe ---------------------------------------------------------------------------


def _resident_kib() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def _peak_kib() -> int:
    """The peak resident size (VmHWM), or ``ru_maxrss`` where /proc has no status."""
    with contextlib.suppress(OSError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _reset_peak() -> None:
    """Brings the peak down to the present size (Linux), so that the peak measured
    next is the check's alone; where it cannot, the growth is overstated, never hidden."""
    with contextlib.suppress(OSError), open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")


def _limit_address_space(extra: int) -> None:
    """A ceiling, so that code that does inflate the bomb fails here (MemoryError)
    rather than taking the machine's memory."""
    with open("/proc/self/statm") as statm:
        size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (size + extra, resource.RLIM_INFINITY))


def _check(path, *, name="guide.odt") -> dict:
    from django.core.files.uploadedfile import UploadedFile

    from contributions.forms import ResourceContributionForm

    data = {
        "title": "Guide",
        "resource_kind": "guide",
        "summary": "Un guide.",
        "contributor_name": "Anne Martin",
        "organisation": "Ville de Rezé",
        "email": "anne.martin@example.fr",
    }
    with open(path, "rb") as file:
        upload = UploadedFile(file, name=name, size=os.path.getsize(path))
        form = ResourceContributionForm(data, {"document": upload})
        return {"valid": form.is_valid(), "errors": form.errors.get("document", [])}


def main(path: str, warm_up: str, database: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "territoires.settings.test")
    import django
    from django.db import connection

    django.setup()
    connection.settings_dict["NAME"] = database
    _check(warm_up)  # imports, translations, the form's first build
    _limit_address_space(1536 * MiB)
    _reset_peak()
    before = _resident_kib()
    try:
        result = _check(path)
    except MemoryError:
        result = {"valid": None, "errors": ["MemoryError"]}
    result["growth_mib"] = (_peak_kib() - before) / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:4])
