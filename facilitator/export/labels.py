"""The renderer's own words (page chrome, watermark, default notices), in both languages.

They are bilingual data rather than ``QT_TRANSLATE_NOOP`` strings because the PDF is
made without Qt and must come out right in Arabic even where the interface's
translation catalogue is incomplete; the report's own text arrives already
translated in :class:`~facilitator.tracking.report_model.Report`.
"""

from __future__ import annotations

from facilitator.i18n import pick

LABELS: dict[str, dict[str, str]] = {
    "page": {"en": "Page {page} of {pages}", "ar": "صفحة {page} من {pages}"},
    "generated": {"en": "Generated {when}", "ar": "أُنشئ في {when}"},
    "practice": {"en": "PRACTICE", "ar": "PRACTICE · تدريب"},
    "conf_facilitator": {
        "en": "Confidential: the facilitator's own record. No names; keep it safe.",
        "ar": "سرّي: سجل الميسّر الخاص. لا يحتوي أسماء؛ احفظه في مكان آمن.",
    },
    "conf_supervisor": {
        "en": "Confidential: for supervision only. Small numbers are hidden to protect people.",
        "ar": "سرّي: للإشراف فقط. الأعداد الصغيرة مخفية لحماية المشاركين.",
    },
    "conf_external": {
        "en": "For sharing outside the programme: small numbers are hidden; no person can be "
        "identified.",
        "ar": "للمشاركة خارج البرنامج: الأعداد الصغيرة مخفية ولا يمكن التعرّف على أي شخص.",
    },
    "no_chart_data": {
        "en": "No data to chart for this period.",
        "ar": "لا توجد بيانات لرسمها في هذه الفترة.",
    },
    "all_withheld": {
        "en": "Every value in this chart is withheld or zero, so it is not drawn.",
        "ar": "كل القيم في هذا الرسم محجوبة أو صفر، لذلك لم يُرسم.",
    },
    "partial": {
        "en": "A dashed line and a hollow point mark a month the period covers only in "
        "part: its total is not comparable with whole months.",
        "ar": "الخط المتقطع والنقطة المفرغة يدلّان على شهر لا تغطي الفترة إلا جزءاً منه، "
        "فلا يُقارن مجموعه بالأشهر الكاملة.",
    },
    "withheld": {
        "en": "Gaps mark values withheld or not collected.",
        "ar": "الفراغات تعني قيماً محجوبة أو لم تُجمع.",
    },
}


def label(key: str, lang: str, **values: object) -> str:
    text = pick(LABELS[key], lang)
    return text.format(**values) if values else text
