"""Made-up names and notes for synthetic demo data (written for this project).

Aliases are deliberately ordinary first names so that tests can check they never
leak into exported reports; nothing here describes a real person.
"""

GROUP_NAMES = {
    "en": [
        "Tuesday circle",
        "Riverside group",
        "Evening circle",
        "Harbour group",
        "Library room group",
        "Saturday morning circle",
        "Community hall group",
        "Garden room circle",
        "North side group",
        "Wednesday group",
    ],
    "ar": [
        "حلقة الثلاثاء",
        "مجموعة ضفة النهر",
        "حلقة المساء",
        "مجموعة الميناء",
        "مجموعة قاعة المكتبة",
        "حلقة صباح السبت",
        "مجموعة البيت المجتمعي",
        "حلقة غرفة الحديقة",
        "مجموعة الحي الشمالي",
        "مجموعة الأربعاء",
    ],
}

ALIASES = {
    "en": [
        "Sam",
        "Maya",
        "Jo",
        "Priya",
        "Tom",
        "Nadia",
        "Alex",
        "Rosa",
        "Ben",
        "Lena",
        "Omar",
        "Kate",
        "Yusuf",
        "Ella",
        "Dan",
        "Hana",
        "Leo",
        "Sara",
        "Ivan",
        "Mina",
    ],
    "ar": [
        "سامي",
        "مايا",
        "ليلى",
        "كريم",
        "هدى",
        "عمر",
        "نادية",
        "يوسف",
        "ريم",
        "خالد",
        "سلمى",
        "طارق",
        "منى",
        "زياد",
        "دينا",
        "فادي",
        "رنا",
        "باسل",
        "هالة",
        "وليد",
    ],
}

NOTES = {
    "en": [
        "Quieter group tonight; two people chose to listen only.",
        "Good energy in the closing round. Room was cold, ask about the heating.",
        "Checked in privately with {alias} after the group; they are fine and will come back.",
        "Ran a few minutes over in the main round. Shorten the reading next week.",
        "A newcomer found the first check-in hard; paired them with a regular at the break.",
        "Reminded the group about the confidentiality rule after a side conversation.",
    ],
    "ar": [
        "كانت المجموعة أهدأ الليلة؛ اختار شخصان الإصغاء فقط.",
        "أجواء طيبة في جولة الختام. الغرفة كانت باردة، يجب السؤال عن التدفئة.",
        "تحدثت على انفراد مع {alias} بعد المجموعة؛ الأمور بخير وسيعود في المرة القادمة.",
        "تجاوزنا الوقت ببضع دقائق في الجولة الرئيسية. سأختصر القراءة الأسبوع القادم.",
        "وجد أحد الجدد صعوبة في أول جولة افتتاحية؛ جمعته بأحد المنتظمين في الاستراحة.",
        "ذكّرت المجموعة بقاعدة السرية بعد حديث جانبي.",
    ],
}
