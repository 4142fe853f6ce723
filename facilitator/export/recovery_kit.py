"""The recovery kit: one printable page with the store's recovery code.

The code is the last way into the data when the keyring entry is gone and the
passphrase is forgotten, possibly years later, so the page says plainly what it is,
when to use it, where the database lives and that the paper itself must be guarded.
It holds no participant data. The code is set in large monospaced type, in groups,
so it can be read aloud and typed back without losing one's place.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from facilitator.errors import InputError
from facilitator.export.pdf import CodeBlock, write_report
from facilitator.i18n import QT_TRANSLATE_NOOP, pick
from facilitator.textcheck import isolate_ltr
from facilitator.tracking import report_model as rm

_T: dict[str, dict[str, str]] = {
    "title": {"en": "Recovery kit", "ar": "مجموعة الاسترداد"},
    "subtitle": {"en": "Facilitator: encrypted store", "ar": "Facilitator: قاعدة البيانات المشفّرة"},
    "keep": {
        "en": "Keep this paper somewhere safe, like a locked drawer. It unlocks all data in "
        "this store: anyone who has it can open it.",
        "ar": "احفظ هذه الورقة في مكان آمن، كدرج مقفل. إنها تفتح كل البيانات في قاعدة البيانات "
        "هذه: من يملكها يستطيع فتحها.",
    },
    "code": {"en": "Your recovery code", "ar": "رمز الاسترداد الخاص بك"},
    "code_note": {
        "en": "Letters and digits only; dashes and spaces do not matter when you type it. "
        "O is read as zero, I and L as one.",
        "ar": "أحرف لاتينية وأرقام فقط؛ لا تهمّ الشرطات والمسافات عند الكتابة. يُقرأ الحرف O "
        "صفراً، والحرفان I وL واحداً.",
    },
    "when": {"en": "When to use it", "ar": "متى تستخدمه"},
    "where": {"en": "Where the database lives", "ar": "مكان قاعدة البيانات"},
    "how": {
        "en": "Start Facilitator and choose to unlock with the recovery code, or on the command "
        "line give the code in a file with --recovery-code-file. Then set a new "
        "passphrase.",
        "ar": "شغّل Facilitator واختر فتح البيانات برمز الاسترداد، أو في سطر الأوامر ضع الرمز في "
        "ملف واستخدم \u2066--recovery-code-file\u2069. ثم اختر عبارة مرور جديدة.",
    },
    "date": {"en": "Created {when}", "ar": "أُنشئت في {when}"},
    "conf": {
        "en": "SECRET: unlocks all data. Do not photograph, scan or email.",
        "ar": "سرّي: يفتح كل البيانات. لا تصوّره ولا تمسحه ضوئياً ولا ترسله بالبريد.",
    },
}

_WHEN: list[dict[str, str]] = [
    {
        "en": "The computer was replaced or reinstalled and the system keyring lost the key.",
        "ar": "استُبدل الحاسوب أو أُعيد تثبيت النظام وفقدت حافظة المفاتيح المفتاح.",
    },
    {"en": "You forgot the passphrase.", "ar": "نسيت عبارة المرور."},
    {
        "en": "You are restoring a backup on another computer.",
        "ar": "تستعيد نسخة احتياطية على حاسوب آخر.",
    },
    {
        "en": "After using it, make a new code (facilitator db rekey) and destroy this paper.",
        "ar": "بعد استخدامه أنشئ رمزاً جديداً (facilitator db rekey) وأتلف هذه الورقة.",
    },
]

GROUP = 5


def _t(key: str, lang: str, **values: object) -> str:
    text = pick(_T[key], lang)
    return text.format(**values) if values else text


def format_code(code: str, *, per_line: int = 4) -> str:
    """Group a recovery code for reading: ``ABCDE - FGHIJ - ...``, ``per_line`` groups a line.

    A code that arrives dashed keeps its own groups; a bare one is cut every five
    characters.
    """
    compact = code.strip().upper()
    groups = [g for g in re.split(r"[\s\-]+", compact) if g]
    if len(groups) <= 1:
        bare = "".join(groups)
        groups = [bare[i : i + GROUP] for i in range(0, len(bare), GROUP)]
    if not groups or not all(re.fullmatch(r"[0-9A-Z]+", g) for g in groups):
        raise InputError(
            QT_TRANSLATE_NOOP("export", "The recovery code must contain only letters and digits.")
        )
    lines = [" - ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)]
    return "\n".join(lines)


def build_recovery_kit(
    recovery_code: str, db_path: str | Path, lang: str, *, created: datetime | None = None
) -> rm.Report:
    when = (created or datetime.now(timezone.utc)).astimezone(timezone.utc)
    blocks: list[object] = [
        rm.Paragraph(_t("keep", lang), "warning"),
        rm.Heading(_t("code", lang)),
        CodeBlock(format_code(recovery_code)),
        rm.Paragraph(_t("code_note", lang), "note"),
        rm.Heading(_t("when", lang)),
        rm.BulletList([pick(item, lang) for item in _WHEN]),
        rm.Paragraph(_t("how", lang)),
        rm.Heading(_t("where", lang)),
        # a path reads left to right whatever its folder names: a left-to-right isolate
        # keeps "/home/أحمد/.local/..." in order inside Arabic text
        rm.Paragraph(isolate_ltr(Path(db_path).expanduser().absolute())),
        rm.Paragraph(_t("date", lang, when=when.strftime("%Y-%m-%d")), "note"),
    ]
    return rm.Report(
        kind="recovery_kit",
        lang=lang,
        title=_t("title", lang),
        subtitle=_t("subtitle", lang),
        period=when.strftime("%Y-%m-%d"),
        audience="facilitator",
        blocks=blocks,  # type: ignore[arg-type]
        confidentiality=_t("conf", lang),
        generated_at=when,
    )


def write_recovery_kit(
    path: str | Path, recovery_code: str, db_path: str | Path, lang: str = "en"
) -> Path:
    """Write the recovery kit PDF for ``recovery_code`` atomically to ``path``."""
    return write_report(build_recovery_kit(recovery_code, db_path, lang), path)
