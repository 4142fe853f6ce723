"""Fixed report wording in English and Arabic, and number/date formatting.

Strings are marked with ``QT_TRANSLATE_NOOP("Reports", ...)`` so the shared catalogue
can pick them up; until the catalogue holds a translation, the Arabic kept beside
each label here is used. Numbers use Western digits in both languages, which Arabic
readers in most of the region expect in reports and which keeps tables aligned.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

import yaml

from facilitator.i18n import QT_TRANSLATE_NOOP, translate
from facilitator.resources import resource_path
from facilitator.tracking.disclosure import NOTES

CTX = "Reports"


def _l(en: str, ar: str) -> dict[str, str]:
    return {"en": en, "ar": ar}


L: dict[str, dict[str, str]] = {
    "session_title": _l(QT_TRANSLATE_NOOP(CTX, "Session summary"), "ملخص الجلسة"),
    "group_title": _l(QT_TRANSLATE_NOOP(CTX, "Group report"), "تقرير المجموعة"),
    "program_title": _l(QT_TRANSLATE_NOOP(CTX, "Program report"), "تقرير البرنامج"),
    "conf_facilitator": _l(
        QT_TRANSLATE_NOOP(
            CTX, "Confidential: facilitator's record. Keep it with the group's files; do not share."
        ),
        "سرّي: سجل الميسّر. يُحفظ مع ملفات المجموعة ولا يُشارك.",
    ),
    "conf_supervisor": _l(
        QT_TRANSLATE_NOOP(
            CTX, "Confidential: for supervision. Small numbers are hidden to protect participants."
        ),
        "سرّي: لأغراض الإشراف. الأعداد الصغيرة مخفية لحماية المشاركين.",
    ),
    "conf_external": _l(
        QT_TRANSLATE_NOOP(
            CTX, "For external sharing: numbers below {k} are hidden to protect participants."
        ),
        "للمشاركة الخارجية: الأعداد الأقل من {k} مخفية لحماية المشاركين.",
    ),
    "practice_note": _l(
        QT_TRANSLATE_NOOP(CTX, "Practice session: not real data."),
        "جلسة تدريبية: ليست بيانات حقيقية.",
    ),
    "overview": _l(QT_TRANSLATE_NOOP(CTX, "Overview"), "نظرة عامة"),
    "date": _l(QT_TRANSLATE_NOOP(CTX, "Date"), "التاريخ"),
    "month": _l(QT_TRANSLATE_NOOP(CTX, "Month"), "الشهر"),
    "status": _l(QT_TRANSLATE_NOOP(CTX, "Status"), "الحالة"),
    "script": _l(QT_TRANSLATE_NOOP(CTX, "Script"), "النص الإرشادي"),
    "duration": _l(QT_TRANSLATE_NOOP(CTX, "Duration (minutes)"), "المدة (بالدقائق)"),
    "attendance": _l(QT_TRANSLATE_NOOP(CTX, "Attendance"), "الحضور"),
    "code": _l(QT_TRANSLATE_NOOP(CTX, "Code"), "الرمز"),
    "first_time": _l(QT_TRANSLATE_NOOP(CTX, "First time"), "المرة الأولى"),
    "yes": _l(QT_TRANSLATE_NOOP(CTX, "Yes"), "نعم"),
    "no": _l(QT_TRANSLATE_NOOP(CTX, "No"), "لا"),
    "pass": _l(QT_TRANSLATE_NOOP(CTX, "Pass"), "تمرير"),
    "check_in": _l(QT_TRANSLATE_NOOP(CTX, "Check-in"), "بداية الجلسة"),
    "check_out": _l(QT_TRANSLATE_NOOP(CTX, "Check-out"), "نهاية الجلسة"),
    "change": _l(QT_TRANSLATE_NOOP(CTX, "Change"), "التغيّر"),
    "headcount": _l(QT_TRANSLATE_NOOP(CTX, "Headcount"), "عدد الحاضرين"),
    "headcount_only": _l(
        QT_TRANSLATE_NOOP(
            CTX, "This group keeps a headcount only, without a list of participants."
        ),
        "تكتفي هذه المجموعة بعدّ الحاضرين دون قائمة بأسماء المشاركين.",
    ),
    "attended": _l(QT_TRANSLATE_NOOP(CTX, "Attended"), "حضروا"),
    "new": _l(QT_TRANSLATE_NOOP(CTX, "New"), "جدد"),
    "returning": _l(QT_TRANSLATE_NOOP(CTX, "Returning"), "عائدون"),
    "absent_notice": _l(QT_TRANSLATE_NOOP(CTX, "Absent with notice"), "غياب بإشعار"),
    "present": _l(QT_TRANSLATE_NOOP(CTX, "Present"), "حاضر"),
    "left_early": _l(QT_TRANSLATE_NOOP(CTX, "Left early"), "غادر مبكرًا"),
    "total": _l(QT_TRANSLATE_NOOP(CTX, "Total"), "المجموع"),
    "checkin_heading": _l(
        QT_TRANSLATE_NOOP(CTX, "Check-in and check-out ratings"), "تقييمات بداية الجلسة ونهايتها"
    ),
    "checkin_disclaimer": _l(
        QT_TRANSLATE_NOOP(
            CTX,
            "The 0 to 10 rating was written for this app. It is not a validated instrument; "
            "'pass' answers are never scored.",
        ),
        "التقييم من 0 إلى 10 كُتب لهذا التطبيق، وليس أداة قياس معتمدة؛ ولا تُحتسب إجابات «تمرير».",
    ),
    "people": _l(QT_TRANSLATE_NOOP(CTX, "People"), "الأشخاص"),
    "mean_pre": _l(QT_TRANSLATE_NOOP(CTX, "Mean check-in"), "متوسط البداية"),
    "mean_post": _l(QT_TRANSLATE_NOOP(CTX, "Mean check-out"), "متوسط النهاية"),
    "mean_change": _l(QT_TRANSLATE_NOOP(CTX, "Mean change"), "متوسط التغيّر"),
    "ci95": _l(QT_TRANSLATE_NOOP(CTX, "95% CI"), "فترة ثقة 95%"),
    "effect": _l(QT_TRANSLATE_NOOP(CTX, "Effect size (d_z)"), "حجم الأثر (d_z)"),
    "passes": _l(QT_TRANSLATE_NOOP(CTX, "Passes"), "مرات التمرير"),
    "who5_heading": _l(QT_TRANSLATE_NOOP(CTX, "WHO-5 Well-Being Index"), "مؤشر الرفاه WHO-5"),
    "who5_score": _l(QT_TRANSLATE_NOOP(CTX, "Score (0-100)"), "الدرجة (0-100)"),
    "who5_mean": _l(QT_TRANSLATE_NOOP(CTX, "Mean score (0-100)"), "متوسط الدرجة (0-100)"),
    "who5_low": _l(QT_TRANSLATE_NOOP(CTX, "Low range"), "النطاق المنخفض"),
    "who5_other": _l(QT_TRANSLATE_NOOP(CTX, "Not low"), "غير منخفض"),
    "who5_note": _l(
        QT_TRANSLATE_NOOP(
            CTX,
            "Low range means a raw score below 13 (below 52 of 100): a prompt to offer "
            "support options, not a diagnosis. A change of 10 points is meaningful.",
        ),
        "النطاق المنخفض يعني درجة خام أقل من 13 (أقل من 52 من 100): وهو دعوة لعرض خيارات "
        "الدعم، وليس تشخيصًا. التغيّر بمقدار 10 نقاط له دلالة.",
    ),
    "signpost": _l(QT_TRANSLATE_NOOP(CTX, "Offer a private check-in"), "اعرض حديثًا خاصًا"),
    "who5_attrib": _l(
        QT_TRANSLATE_NOOP(
            CTX, "WHO-5: Psychiatric Research Unit, Mental Health Centre North Zealand."
        ),
        "WHO-5: وحدة البحوث النفسية، مركز الصحة النفسية في شمال زيلاند.",
    ),
    "custom_heading": _l(
        QT_TRANSLATE_NOOP(CTX, "Organisation-defined measures"), "مقاييس حدّدتها المنظمة"
    ),
    "custom_note": _l(
        QT_TRANSLATE_NOOP(
            CTX,
            "Organisation-defined, not a validated instrument. Scores from {lo} to {hi}; "
            "{direction}. 'Pass' answers are never scored.",
        ),
        "مقياس حدّدته المنظمة، وليس أداة قياس معتمدة. الدرجات من {lo} إلى {hi}؛ {direction}. "
        "ولا تُحتسب إجابات «تمرير».",
    ),
    "higher_better": _l(QT_TRANSLATE_NOOP(CTX, "a higher score is better"), "الدرجة الأعلى أفضل"),
    "lower_better": _l(QT_TRANSLATE_NOOP(CTX, "a lower score is better"), "الدرجة الأدنى أفضل"),
    "custom_retired": _l(
        QT_TRANSLATE_NOOP(
            CTX,
            "This measure has been retired: it is no longer asked, and earlier answers "
            "are still reported.",
        ),
        "أُوقف استخدام هذا المقياس: لم يعد يُطرح، وما زالت الإجابات السابقة تُعرض.",
    ),
    "custom_change_chart": _l(
        QT_TRANSLATE_NOOP(CTX, "Mean change from start to end"),
        "متوسط التغيّر من البداية إلى النهاية",
    ),
    "custom_prepost": _l(
        QT_TRANSLATE_NOOP(CTX, "Change from start to end of session"),
        "التغيّر من بداية الجلسة إلى نهايتها",
    ),
    "custom_single": _l(
        QT_TRANSLATE_NOOP(CTX, "Asked once per session"), "يُطرح مرة واحدة في الجلسة"
    ),
    "mean": _l(QT_TRANSLATE_NOOP(CTX, "Mean"), "المتوسط"),
    "start": _l(QT_TRANSLATE_NOOP(CTX, "Start"), "البداية"),
    "end": _l(QT_TRANSLATE_NOOP(CTX, "End"), "النهاية"),
    "score": _l(QT_TRANSLATE_NOOP(CTX, "Score"), "الدرجة"),
    "steps_heading": _l(QT_TRANSLATE_NOOP(CTX, "Steps"), "الخطوات"),
    "step": _l(QT_TRANSLATE_NOOP(CTX, "Step"), "الخطوة"),
    "mandatory": _l(QT_TRANSLATE_NOOP(CTX, "Mandatory"), "إلزامية"),
    "done": _l(QT_TRANSLATE_NOOP(CTX, "Done"), "نُفّذت"),
    "skipped": _l(QT_TRANSLATE_NOOP(CTX, "Skipped"), "تم تخطيها"),
    "fidelity_heading": _l(
        QT_TRANSLATE_NOOP(CTX, "Fidelity to the script"), "الالتزام بالنص الإرشادي"
    ),
    "mandatory_done": _l(
        QT_TRANSLATE_NOOP(CTX, "Mandatory steps done"), "الخطوات الإلزامية المنفذة"
    ),
    # a no-break space keeps "version" with its number when the name wraps
    "script_version": _l(
        QT_TRANSLATE_NOOP(CTX, "{name} (version\u00a0{version})"), "{name} (الإصدار\u00a0{version})"
    ),
    "bins_note": _l(
        QT_TRANSLATE_NOOP(
            CTX,
            "Each bar counts ratings in its range: the first "
            "covers three values (0, 1, 2), the others two.",
        ),
        "يعدّ كل عمود التقييمات في مداه: الأول يشمل ثلاث قيم (0 و1 و2)، وكل من "
        "الأعمدة الأخرى قيمتين.",
    ),
    "overrun": _l(QT_TRANSLATE_NOOP(CTX, "Overrun (minutes)"), "الوقت الزائد (بالدقائق)"),
    "mean_overrun": _l(
        QT_TRANSLATE_NOOP(CTX, "Mean overrun per session (minutes)"),
        "متوسط الوقت الزائد لكل جلسة (بالدقائق)",
    ),
    "rules_reviewed": _l(
        QT_TRANSLATE_NOOP(CTX, "Ground rules reviewed"), "مراجعة القواعد الأساسية"
    ),
    "incidents_heading": _l(QT_TRANSLATE_NOOP(CTX, "Incidents"), "الحوادث"),
    "incident_type": _l(QT_TRANSLATE_NOOP(CTX, "Type"), "النوع"),
    "severity": _l(QT_TRANSLATE_NOOP(CTX, "Severity"), "الشدة"),
    "follow_up": _l(QT_TRANSLATE_NOOP(CTX, "Follow-up"), "المتابعة"),
    "fu_open": _l(QT_TRANSLATE_NOOP(CTX, "Open"), "مفتوحة"),
    "fu_done": _l(QT_TRANSLATE_NOOP(CTX, "Done"), "مكتملة"),
    "fu_none_needed": _l(QT_TRANSLATE_NOOP(CTX, "None needed"), "لا حاجة"),
    "no_incidents": _l(QT_TRANSLATE_NOOP(CTX, "No incidents were recorded."), "لم تُسجَّل أي حوادث."),
    "notes_heading": _l(QT_TRANSLATE_NOOP(CTX, "Notes"), "الملاحظات"),
    "no_notes": _l(
        QT_TRANSLATE_NOOP(CTX, "No notes were written for this session."),
        "لم تُكتب ملاحظات لهذه الجلسة.",
    ),
    "no_notes_record": _l(
        QT_TRANSLATE_NOOP(
            CTX,
            "No-notes session: only the date, the number of people and the phases done are kept.",
        ),
        "جلسة دون ملاحظات: لا يُحفظ إلا التاريخ وعدد الحاضرين والمراحل التي تمّت.",
    ),
    "phases_done": _l(QT_TRANSLATE_NOOP(CTX, "Phases done"), "المراحل التي تمّت"),
    "phases_none": _l(QT_TRANSLATE_NOOP(CTX, "None"), "لا شيء"),
    "phase_introduction": _l(QT_TRANSLATE_NOOP(CTX, "Introduction"), "التمهيد"),
    "phase_exploration": _l(QT_TRANSLATE_NOOP(CTX, "Exploration"), "الاستكشاف"),
    "phase_information": _l(QT_TRANSLATE_NOOP(CTX, "Information"), "المعلومات"),
    "sessions_held": _l(QT_TRANSLATE_NOOP(CTX, "Sessions held"), "الجلسات المنعقدة"),
    "groups_active": _l(
        QT_TRANSLATE_NOOP(CTX, "Groups with sessions"), "المجموعات التي عقدت جلسات"
    ),
    "attendances": _l(QT_TRANSLATE_NOOP(CTX, "Attendances"), "مرات الحضور"),
    "unique": _l(QT_TRANSLATE_NOOP(CTX, "Different participants"), "عدد المشاركين المختلفين"),
    "avg_attendance": _l(
        QT_TRANSLATE_NOOP(CTX, "Average attendance per session"), "متوسط الحضور لكل جلسة"
    ),
    "retention": _l(
        QT_TRANSLATE_NOOP(CTX, "Newcomers who returned within 4 weeks"),
        "الجدد الذين عادوا خلال 4 أسابيع",
    ),
    "retention_pending": _l(
        QT_TRANSLATE_NOOP(
            CTX, "Newcomers from the last 4 weeks of the data are not yet counted for return."
        ),
        "لا يُحتسب بعدُ رجوع الجدد الذين انضموا في آخر 4 أسابيع من البيانات.",
    ),
    "by_program": _l(QT_TRANSLATE_NOOP(CTX, "By program type"), "حسب نوع البرنامج"),
    "reach_heading": _l(QT_TRANSLATE_NOOP(CTX, "Who the groups reach"), "مَن تصل إليهم المجموعات"),
    "age_band": _l(QT_TRANSLATE_NOOP(CTX, "Age band"), "الفئة العمرية"),
    "gender": _l(QT_TRANSLATE_NOOP(CTX, "Gender"), "الجنس"),
    "not_recorded": _l(QT_TRANSLATE_NOOP(CTX, "Not recorded"), "غير مسجَّل"),
    "people_fixed_periods": _l(
        QT_TRANSLATE_NOOP(
            CTX,
            "Counts of different people (the number of people, age bands, genders) are "
            "shown for a calendar quarter or a calendar year only, so that comparing two "
            "reports cannot single anyone out.",
        ),
        "تُعرض أعداد الأشخاص المختلفين (عدد الأشخاص والفئات العمرية والجنس) لربع سنة "
        "تقويمي أو سنة تقويمية فقط، حتى لا تكشف المقارنة بين تقريرين عن شخص بعينه.",
    ),
    "register_note": _l(
        QT_TRANSLATE_NOOP(
            CTX,
            "Some cells are hidden because an earlier report to the same readers, over an "
            "overlapping period, would otherwise let a small count be worked out.",
        ),
        "أُخفيت بعض الخانات لأن تقريرًا سابقًا للقرّاء أنفسهم عن فترة متداخلة كان "
        "سيسمح لولا ذلك باستنتاج عدد صغير.",
    ),
    "reach_note": _l(
        QT_TRANSLATE_NOOP(
            CTX,
            "Different people who attended in the period, each counted once. Age band and "
            'gender are optional: "not recorded" counts people who were not asked or '
            "preferred not to say. Shown in the program report only, never per group.",
        ),
        "أشخاص مختلفون حضروا خلال الفترة، يُعدّ كلٌّ منهم مرة واحدة. الفئة العمرية والجنس "
        "اختياريان: «غير مسجَّل» تعني من لم يُسأل أو فضّل عدم الإجابة. يظهر هذا في تقرير "
        "البرنامج فقط، ولا يظهر لكل مجموعة.",
    ),
    "program_type": _l(QT_TRANSLATE_NOOP(CTX, "Program type"), "نوع البرنامج"),
    "attendance_trend": _l(QT_TRANSLATE_NOOP(CTX, "Attendance by month"), "الحضور حسب الشهر"),
    "prepost_dist": _l(
        QT_TRANSLATE_NOOP(CTX, "Check-in and check-out ratings"), "توزيع تقييمات البداية والنهاية"
    ),
    "who5_trend": _l(
        QT_TRANSLATE_NOOP(CTX, "WHO-5 mean score by month"), "متوسط درجة WHO-5 حسب الشهر"
    ),
    "who5_trend_session": _l(
        QT_TRANSLATE_NOOP(CTX, "WHO-5 mean score by session"), "متوسط درجة WHO-5 حسب الجلسة"
    ),
    "incidents_chart": _l(
        QT_TRANSLATE_NOOP(CTX, "Incidents by type and follow-up"), "الحوادث حسب النوع والمتابعة"
    ),
    "rating": _l(QT_TRANSLATE_NOOP(CTX, "Rating"), "التقييم"),
    "count": _l(QT_TRANSLATE_NOOP(CTX, "Count"), "العدد"),
    "withheld_note": _l(
        QT_TRANSLATE_NOOP(CTX, "Not shown: based on fewer than {k} people."),
        "غير معروض: مبني على أقل من {k} أشخاص.",
    ),
    "period_of": _l(QT_TRANSLATE_NOOP(CTX, "{start} to {end}"), "من {start} إلى {end}"),
    "note": _l(QT_TRANSLATE_NOOP(CTX, "Note"), "ملاحظة"),
    "not_reached": _l(QT_TRANSLATE_NOOP(CTX, "Not reached"), "لم يُوصل إليها"),
    "no_data": _l(
        QT_TRANSLATE_NOOP(CTX, "No sessions were held in this period."),
        "لم تُعقد أي جلسات في هذه الفترة.",
    ),
    "all_groups": _l(QT_TRANSLATE_NOOP(CTX, "All groups"), "جميع المجموعات"),
    "name_removed": _l(QT_TRANSLATE_NOOP(CTX, "[name removed]"), "[حُذف الاسم]"),
}

INCIDENT_TYPES: dict[str, dict[str, str]] = {
    # Fallback labels; the shipped safety protocol's own titles are preferred.
    "risk_disclosure": _l(QT_TRANSLATE_NOOP(CTX, "Risk disclosure"), "إفصاح عن خطر"),
    "boundary_breach": _l(QT_TRANSLATE_NOOP(CTX, "Boundary breach"), "خرق للحدود"),
    "confidentiality_breach": _l(QT_TRANSLATE_NOOP(CTX, "Confidentiality breach"), "خرق للسرية"),
    "conflict_hostile_dynamics": _l(
        QT_TRANSLATE_NOOP(CTX, "Conflict or hostile dynamics"), "نزاع أو أجواء عدائية"
    ),
    "unqualified_medical_advice": _l(
        QT_TRANSLATE_NOOP(CTX, "Unqualified medical advice"), "نصيحة طبية من غير مختص"
    ),
    "other": _l(QT_TRANSLATE_NOOP(CTX, "Other"), "أخرى"),
}

PROGRAM_TYPES: dict[str, dict[str, str]] = {
    "mutual_support": _l(QT_TRANSLATE_NOOP(CTX, "Mutual support"), "الدعم المتبادل"),
    "grief": _l(QT_TRANSLATE_NOOP(CTX, "Grief and loss"), "الفقد والحزن"),
    "anxiety": _l(QT_TRANSLATE_NOOP(CTX, "Anxiety skills"), "مهارات التعامل مع القلق"),
    "recovery": _l(QT_TRANSLATE_NOOP(CTX, "Recovery"), "التعافي"),
    "chronic_illness": _l(QT_TRANSLATE_NOOP(CTX, "Chronic illness"), "الأمراض المزمنة"),
    "first_responder": _l(QT_TRANSLATE_NOOP(CTX, "First responders"), "المستجيبون الأوائل"),
    "trauma": _l(QT_TRANSLATE_NOOP(CTX, "Trauma survivors"), "الناجون من الصدمات"),
    "veterans": _l(QT_TRANSLATE_NOOP(CTX, "Veterans' families"), "عائلات المحاربين القدامى"),
    "school_listening": _l(
        QT_TRANSLATE_NOOP(CTX, "School peer listening"), "الإصغاء بين الأقران في المدرسة"
    ),
    "peer_mediation": _l(QT_TRANSLATE_NOOP(CTX, "Peer mediation"), "الوساطة بين الأقران"),
    "caregivers": _l(QT_TRANSLATE_NOOP(CTX, "Caregivers"), "مقدّمو الرعاية"),
    "general": _l(QT_TRANSLATE_NOOP(CTX, "General"), "عام"),
}

STATUS = {
    "planned": _l(QT_TRANSLATE_NOOP(CTX, "Planned"), "مخطط لها"),
    "running": _l(QT_TRANSLATE_NOOP(CTX, "Running"), "جارية"),
    "paused": _l(QT_TRANSLATE_NOOP(CTX, "Paused"), "متوقفة مؤقتًا"),
    "completed": _l(QT_TRANSLATE_NOOP(CTX, "Completed"), "مكتملة"),
    "abandoned": _l(QT_TRANSLATE_NOOP(CTX, "Abandoned"), "أُلغيت"),
}

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "ar": [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
}


def _choose(entry: dict[str, str], lang: str, context: str = CTX) -> str:
    en = entry["en"]
    if lang == "en":
        return en
    caught = translate(context, en, lang)
    return caught if caught != en else entry.get(lang) or en


def t(key: str, lang: str, **fmt: Any) -> str:
    text = _choose(L[key], lang)
    return text.format(**fmt) if fmt else text


@functools.lru_cache(maxsize=1)
def _protocol_titles() -> dict[str, dict[str, str]]:
    """Incident type titles from the shipped safety protocol (data, not code)."""
    path = resource_path("safety", "protocol.yaml")
    try:
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f) or {}
        return {
            str(x["id"]): dict(x["title"])
            for x in data.get("incident_types") or ()
            if isinstance(x, dict) and isinstance(x.get("title"), dict)
        }
    except (OSError, yaml.YAMLError, KeyError):
        return {}


@functools.lru_cache(maxsize=1)
def _severity_titles() -> dict[int, dict[str, str]]:
    """Severity level words ("Low", "منخفضة", ...) from the shipped safety protocol."""
    path = resource_path("safety", "protocol.yaml")
    try:
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f) or {}
        return {
            int(x["level"]): dict(x["title"])
            for x in data.get("severities") or ()
            if isinstance(x, dict) and isinstance(x.get("title"), dict)
        }
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError):
        return {}


def severity(level: object, lang: str) -> str:
    """An incident's severity as its word from the safety protocol, never a bare number
    (the one function every screen, PDF and command uses); an unknown level as stored."""
    try:
        entry = _severity_titles().get(int(str(level)))
    except ValueError:
        entry = None
    return _choose(entry, lang) if entry else str(level)


def incident_type(kind: str, lang: str) -> str:
    entry = INCIDENT_TYPES.get(kind) or _protocol_titles().get(kind)
    return _choose(entry, lang) if entry else kind.replace("_", " ")


def program_type(kind: str, lang: str) -> str:
    entry = PROGRAM_TYPES.get(kind)
    return _choose(entry, lang) if entry else kind.replace("_", " ")


def phase(name: str, lang: str) -> str:
    """A defusing phase by name; a phase only a custom script knows shows as written."""
    key = f"phase_{name}"
    return t(key, lang) if key in L else name.replace("_", " ")


def follow_up(state: str, lang: str) -> str:
    key = f"fu_{state}"
    return t(key, lang) if key in L else state


def status(state: str, lang: str) -> str:
    entry = STATUS.get(state)
    return _choose(entry, lang) if entry else state


def fmt_month(day: date, lang: str) -> str:
    return f"{MONTHS.get(lang, MONTHS['en'])[day.month - 1]} {day.year}"


def fmt_day(day: date, lang: str) -> str:
    return day.isoformat()


def fmt_num(x: float | None, digits: int = 1) -> str:
    if x is None:
        return "–"
    text = f"{x:.{digits}f}"
    return f"{0:.{digits}f}" if float(text) == 0 else text  # never "-0.0"


def fmt_signed(x: float | None, digits: int = 1) -> str:
    if x is None:
        return "–"
    text = fmt_num(x, digits)
    return text if text.startswith("-") or float(text) == 0 else f"+{text}"


def fmt_pct(share: float | None) -> str:
    return "–" if share is None else f"{round(share * 100)}%"


def fmt_ci(low: float | None, high: float | None, digits: int = 1) -> str:
    if low is None or high is None:
        return "–"
    return f"{fmt_num(low, digits)} … {fmt_num(high, digits)}"


def t_disclosure(key: str, lang: str, k: int) -> str:
    """The disclosure footnotes, which live beside the rules in ``disclosure``."""
    return _choose(NOTES[key], lang, "Disclosure").format(k=k, km1=k - 1)
