"""Why a file operation failed, as one Korean sentence a trainee or trainer can act on.

Every I/O error a user can cause (a read-only or full folder, a file where a folder belongs, a folder
they may not open) reaches the screen through ``explain``: it names the path and says what to do,
instead of ``[Errno 30] Read-only file system``. Kept apart from the writers so the game, the reports
and the CLI word the same fault the same way.
"""

from __future__ import annotations

import errno
from pathlib import Path

#: What to do about each cause; the sentences end with the fix.
_READ_ONLY = (
    "{path}에 쓸 수 없습니다(읽기 전용이거나 쓰기 권한이 없습니다). "
    "쓸 수 있는 폴더를 --saves DIR이나 EUNGDAE_SAVES로 지정하거나 폴더 권한을 확인하세요."
)
_FULL = "{path}에 쓸 공간이 없습니다(디스크가 가득 찼습니다). 공간을 비운 뒤 다시 시도하세요."
_FILE_IN_THE_WAY = (
    "{path} 경로에 폴더가 있어야 할 자리에 파일이 있습니다. 그 파일을 옮기거나 다른 폴더를 지정하세요."
)
_FOLDER_IN_THE_WAY = "{path}은(는) 폴더입니다. 파일 이름을 지정하세요."
_MISSING = "{path}이(가) 없습니다. 경로를 확인하세요."

_BY_ERRNO = {
    errno.EROFS: _READ_ONLY,
    errno.EACCES: _READ_ONLY,
    errno.EPERM: _READ_ONLY,
    errno.ENOSPC: _FULL,
    errno.EDQUOT: _FULL,
    errno.EFBIG: _FULL,
    errno.ENOTDIR: _FILE_IN_THE_WAY,
    errno.EEXIST: _FILE_IN_THE_WAY,
    errno.EISDIR: _FOLDER_IN_THE_WAY,
    errno.ENOENT: _MISSING,
}

READ_ONLY_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


def explain(exc: OSError, path: Path | str) -> str:
    """One sentence naming ``path`` and the fix (the OS's own words as a last resort)."""
    template = _BY_ERRNO.get(exc.errno or 0)
    if template is not None:
        return template.format(path=path)
    return f"{path}을(를) 읽거나 쓸 수 없습니다: {exc.strerror or exc}. 경로와 권한을 확인하세요."


def is_read_only(exc: OSError) -> bool:
    return exc.errno in READ_ONLY_ERRNOS
