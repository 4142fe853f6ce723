"""Sample reports for the export tests: English and Arabic, with mixed-direction text.

The Arabic paragraphs mix Latin words and digits on purpose (the fixture the style
guide asks for); they are long enough to wrap, so line order across wrapped lines is
exercised as well as shaping.
"""

from __future__ import annotations

from datetime import datetime, timezone

from facilitator.tracking import report_model as rm

GENERATED = datetime(2026, 11, 22, 9, 30, tzinfo=timezone.utc)

#: Arabic with Latin words and digits; each string must survive render + pdftotext.
ARABIC_MIXED = [
    "الجلسة 3 من 12 في برنامج Peer Support",
    "حضر 9 مشاركين، منهم 2 للمرة الأولى.",
    "نلتقي كل أسبوع لمدة 90 دقيقة في مركز Community Hall القريب من المحطة.",
    "تساعد هذه الحلقة الأشخاص الذين فقدوا شخصاً عزيزاً على مشاركة قصصهم بأمان، "
    "والاستماع إلى الآخرين دون حكم، وتعلّم طرق بسيطة للعناية بأنفسهم خلال الأسابيع "
    "الصعبة. يقود الحلقة ميسّر متطوع تدرّب على برنامج Peer Support لمدة 40 ساعة، "
    "وهو ليس طبيباً أو معالجاً، لكنه يعرف متى وكيف يوجّه المشاركين إلى المختصين.",
]


def sample_report(lang: str = "en", *, practice: bool = False, rows: int = 6) -> rm.Report:
    ar = lang == "ar"
    t = lambda en, a: a if ar else en
    table_rows = [
        [
            t(f"Week {i}", f"الأسبوع {i}"),
            str(8 + i % 4),
            "<5" if i % 3 == 0 else str(i),
            f"{6.1 + i / 10:.1f}",
        ]
        for i in range(1, rows + 1)
    ]
    table_rows.append(
        [t("Total", "المجموع"), str(sum(8 + i % 4 for i in range(1, rows + 1))), "—", ""]
    )
    blocks: list[rm.Block] = [
        rm.KeyFigures(
            items=[
                (t("Sessions held", "الجلسات المنعقدة"), "12"),
                (t("Unique participants", "المشاركون"), "31"),
                (t("Retention", "الاستمرار"), "68%"),
            ]
        ),
        rm.Heading(t("Attendance", "الحضور")),
        rm.Paragraph(
            ARABIC_MIXED[3]
            if ar
            else "Attendance held steady over the period. Counts below five are hidden "
            "so that nobody can be picked out of a small group."
        ),
        rm.Table(
            columns=[
                t("Session", "الجلسة"),
                t("Present", "الحاضرون"),
                t("New", "الجدد"),
                t("Mean check-out", "متوسط الخروج"),
            ],
            rows=table_rows,
            numeric=frozenset({1, 2, 3}),
            total_row=True,
            title=t("Attendance per session", "الحضور في كل جلسة"),
            footnote=t("<5: fewer than five people.", "<5: أقل من خمسة أشخاص."),
        ),
        rm.BulletList(
            items=[
                t(
                    "Ground rules were reviewed at every session.",
                    "رُوجعت القواعد الأساسية في كل جلسة.",
                ),
                ARABIC_MIXED[0],
            ],
            numbered=True,
        ),
        rm.Chart(
            kind="line",
            title=t("Attendance trend", "اتجاه الحضور"),
            categories=[t(f"W{i}", f"أ{i}") for i in range(1, 13)],
            series=[
                rm.Series(
                    t("Present", "الحاضرون"), [9, 10, None, 8, 11, 12, 10, None, None, 9, 8, 10]
                )
            ],
            y_label=t("people", "أشخاص"),
        ),
        rm.Chart(
            kind="bar",
            title=t("Incidents by type", "الحوادث حسب النوع"),
            categories=[t("Distress", "ضيق"), t("Conflict", "خلاف"), t("Other", "أخرى")],
            series=[rm.Series("2025", [3, None, 1]), rm.Series("2026", [2, 1, 0])],
        ),
    ]
    if ar:
        blocks[3:3] = [rm.Paragraph(p) for p in ARABIC_MIXED[:3]]
    return rm.Report(
        kind="group",
        lang=lang,
        title=t("Group period report", "تقرير فترة المجموعة"),
        period=t("September – November 2026", "سبتمبر – نوفمبر 2026"),
        audience="supervisor",
        blocks=blocks,
        practice=practice,
        generated_at=GENERATED,
        subtitle=t("Tuesday grief circle", "حلقة الثلاثاء"),
    )
