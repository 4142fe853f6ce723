<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ActivityStack</name>
    <message>
        <source>Nothing to record in this step.</source>
        <translation>لا شيء يُسجَّل في هذه الخطوة.</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>إضافة مستخدم</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Their passphrase</source>
        <translation>عبارة المرور الخاصة به</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>اكتبها مرة أخرى</translation>
    </message>
    <message>
        <source>Tick at least one role.</source>
        <translation>اختر دورًا واحدًا على الأقل.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>عبارتا المرور غير متطابقتين.</translation>
    </message>
</context>
<context>
    <name>AgeBand</name>
    <message>
        <source>Under 18</source>
        <translation>أقل من ١٨</translation>
    </message>
    <message>
        <source>18 to 24</source>
        <translation>من ١٨ إلى ٢٤</translation>
    </message>
    <message>
        <source>25 to 34</source>
        <translation>من ٢٥ إلى ٣٤</translation>
    </message>
    <message>
        <source>35 to 44</source>
        <translation>من ٣٥ إلى ٤٤</translation>
    </message>
    <message>
        <source>45 to 54</source>
        <translation>من ٤٥ إلى ٥٤</translation>
    </message>
    <message>
        <source>55 to 64</source>
        <translation>من ٥٥ إلى ٦٤</translation>
    </message>
    <message>
        <source>65 or over</source>
        <translation>٦٥ فأكثر</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>An interrupted key change was completed. Your new recovery code is:

%1

Write it down now; the old one no longer works.</source>
        <translation>اكتمل تغيير مفتاح كان قد انقطع. رمز الاسترداد الجديد هو:

%1

اكتبه الآن؛ الرمز القديم لم يعد يعمل.</translation>
    </message>
    <message>
        <source>The store</source>
        <translation>المخزن</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <source>Who is here</source>
        <translation>الحاضرون</translation>
    </message>
    <message>
        <source>+ Add a newcomer</source>
        <translation>+ إضافة قادم جديد</translation>
    </message>
    <message>
        <source>Add a newcomer with a new code</source>
        <translation>إضافة قادم جديد برمز جديد</translation>
    </message>
    <message>
        <source>Participant %1</source>
        <translation>المشارك %1</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>حاضر</translation>
    </message>
    <message>
        <source>Left early</source>
        <translation>غادر مبكرًا</translation>
    </message>
    <message>
        <source>Absent, sent word</source>
        <translation>غائب بإشعار</translation>
    </message>
    <message>
        <source>Not here</source>
        <translation>غير حاضر</translation>
    </message>
    <message>
        <source>left early</source>
        <translation>غادر مبكرًا</translation>
    </message>
    <message>
        <source>sent word</source>
        <translation>غياب بإشعار</translation>
    </message>
    <message>
        <source>Present: %1</source>
        <translation>الحضور: %1</translation>
    </message>
    <message>
        <source>No one on the roster yet: add each person with the button below as they arrive.</source>
        <translation>لا أحد في القائمة بعد: أضف كل شخص بالزر أدناه عند وصوله.</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>All actions</source>
        <translation>كل الإجراءات</translation>
    </message>
    <message>
        <source>Check the chain  [Ctrl+K]</source>
        <translation>تحقق من السلسلة  [Ctrl+K]</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>تصدير CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>تصدير PDF…</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>الوقت (بالتوقيت العالمي)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>جارٍ التحقق…</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>تصدير سجل التدقيق</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Wrote {n} entries to {path}.</source>
        <translation>كُتب {n} قيدًا في {path}.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up your records</source>
        <translation>نسخة احتياطية من سجلاتك</translation>
    </message>
    <message>
        <source>A backup is an encrypted copy of all your records, checked after it is made. It opens with the same passphrase or recovery code. Keep a copy on a USB stick away from this computer, in case the computer is lost.</source>
        <translation>النسخة الاحتياطية نسخة مشفّرة من كل سجلاتك، يُتحقَّق منها بعد صنعها، وتُفتح بعبارة المرور نفسها أو برمز الاسترداد. احتفظ بنسخة على ذاكرة USB بعيدًا عن هذا الحاسوب، تحسّبًا لضياعه.</translation>
    </message>
    <message>
        <source>&amp;Back up now (on this computer)</source>
        <translation>نسخة احتياطية الآن (على هذا الحاسوب) (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Save a copy to…</source>
        <translation>حفظ نسخة في (&amp;S)…</translation>
    </message>
    <message>
        <source>For example to a USB stick</source>
        <translation>مثلًا على ذاكرة USB</translation>
    </message>
    <message>
        <source>&amp;Open the backups folder</source>
        <translation>فتح مجلد النسخ الاحتياطية (&amp;O)</translation>
    </message>
    <message>
        <source>No backup has been made on this computer yet.</source>
        <translation>لم تُصنع أي نسخة احتياطية على هذا الحاسوب بعد.</translation>
    </message>
    <message>
        <source>%1 backups kept on this computer; the latest from %2.</source>
        <translation>عدد النسخ الاحتياطية المحفوظة على هذا الحاسوب: %1، وأحدثها من %2.</translation>
    </message>
    <message>
        <source>Save a copy of your records</source>
        <translation>حفظ نسخة من سجلاتك</translation>
    </message>
    <message>
        <source>Facilitator backups (*.db)</source>
        <translation>نسخ الميسِّر الاحتياطية (*.db)</translation>
    </message>
    <message>
        <source>Making the backup…</source>
        <translation>جارٍ صنع النسخة الاحتياطية…</translation>
    </message>
    <message>
        <source>Saved and checked: %1</source>
        <translation>حُفظت وتم التحقق منها: %1</translation>
    </message>
</context>
<context>
    <name>BeforeStartDialog</name>
    <message>
        <source>Before you start</source>
        <translation>قبل أن تبدأ</translation>
    </message>
    <message>
        <source>Content warnings</source>
        <translation>تنبيهات المحتوى</translation>
    </message>
    <message>
        <source>You can step out at any moment with [O]; the practice pauses and nothing is lost.</source>
        <translation>يمكنك الخروج من الدور في أي لحظة بالمفتاح [O]؛ يتوقف التدريب مؤقتًا ولا يضيع شيء.</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>الإحاطة</translation>
    </message>
    <message>
        <source>Begin the practice</source>
        <translation>ابدأ التدريب</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>ليس الآن</translation>
    </message>
</context>
<context>
    <name>BundlesDialog</name>
    <message>
        <source>Report bundles</source>
        <translation>حزم التقارير</translation>
    </message>
    <message>
        <source>&amp;Send to supervisor</source>
        <translation>إرسال إلى المشرف (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>استلام (&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>الحالة (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>المفاتيح (&amp;K)</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>المجموعات</translation>
    </message>
    <message>
        <source>Participant codes</source>
        <translation>رموز المشاركين</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>الجلسات</translation>
    </message>
    <message>
        <source>Attendances</source>
        <translation>سجلات الحضور</translation>
    </message>
    <message>
        <source>Check-in/out and WHO-5 answers</source>
        <translation>إجابات التسجيل في البداية والنهاية وWHO-5</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>الحوادث</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Custom measures</source>
        <translation>المقاييس الخاصة</translation>
    </message>
    <message>
        <source>The bundle %1 was refused: %2. Nothing was imported; it is kept in quarantine.</source>
        <translation>رُفضت الحزمة %1: %2. لم يُستورد شيء؛ وهي محفوظة في الحجر.</translation>
    </message>
    <message>
        <source>&amp;Preview what will travel</source>
        <translation>معاينة ما سيُرسل (&amp;P)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>كم</translation>
    </message>
    <message>
        <source>&amp;Write bundle file…</source>
        <translation>كتابة ملف الحزمة (&amp;W)…</translation>
    </message>
    <message>
        <source>Supervisor:</source>
        <translation>المشرف:</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>المجموعات:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Months:</source>
        <translation>الأشهر:</translation>
    </message>
    <message>
        <source>Free texts stay on this computer unless you tick them. A text that looks identifying cannot be ticked: edit it first.</source>
        <translation>تبقى النصوص الحرة على هذا الحاسوب ما لم تحدِّدها. لا يمكن تحديد نص يبدو أنه يكشف الهوية: عدِّله أولًا.</translation>
    </message>
    <message>
        <source>Trust your supervisor's key first (Keys tab).</source>
        <translation>اعتمِد مفتاح المشرف أولًا (تبويب المفاتيح).</translation>
    </message>
    <message>
        <source>Erasures (ids only)</source>
        <translation>المحذوفات (المعرّفات فقط)</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>حادثة</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Looks identifying (%1); stays here.</source>
        <translation>يبدو أنه يكشف الهوية (%1)؛ يبقى هنا.</translation>
    </message>
    <message>
        <source>%1 free text(s) ticked to travel. Preview again after changing a choice.</source>
        <translation>عدد النصوص الحرة المحدَّدة للإرسال: %1. أعد المعاينة بعد تغيير أي اختيار.</translation>
    </message>
    <message>
        <source>Write bundle</source>
        <translation>كتابة الحزمة</translation>
    </message>
    <message>
        <source>Report bundles (*.fbundle)</source>
        <translation>حزم التقارير (*.fbundle)</translation>
    </message>
    <message>
        <source>Written: %1 (bundle number %2). Give the file to your supervisor by any means: only they can open it.</source>
        <translation>كُتبت: %1 (الحزمة رقم %2). سلِّم الملف إلى مشرفك بأي وسيلة: لا يستطيع فتحه غيره.</translation>
    </message>
    <message>
        <source>&amp;Choose a bundle or receipt…</source>
        <translation>اختيار حزمة أو إيصال (&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Import it</source>
        <translation>استيرادها (&amp;I)</translation>
    </message>
    <message>
        <source>The signature and the sender are checked first; then a dry run shows what would be added, changed or refused. Nothing is written until you import.</source>
        <translation>يُتحقق أولًا من التوقيع والمرسِل؛ ثم تُظهر تجربة دون حفظ ما سيُضاف أو يتغير أو يُرفض. لا يُكتب شيء حتى تستورد.</translation>
    </message>
    <message>
        <source>Choose a bundle</source>
        <translation>اختيار حزمة</translation>
    </message>
    <message>
        <source>A receipt from %1 can be imported.</source>
        <translation>يمكن استيراد إيصال من %1.</translation>
    </message>
    <message>
        <source>Receipt from %1 imported; see the Status tab.</source>
        <translation>استُورد الإيصال من %1؛ انظر تبويب الحالة.</translation>
    </message>
    <message>
        <source>Dry run of a bundle from %1 (nothing written yet):</source>
        <translation>تجربة حزمة من %1 (لم يُكتب شيء بعد):</translation>
    </message>
    <message>
        <source>Imported a bundle from %1:</source>
        <translation>استُوردت حزمة من %1:</translation>
    </message>
    <message>
        <source>%1 sessions, %2 attendances and %3 incidents added (%4 records in all)</source>
        <translation>أُضيفت %1 جلسة و%2 سجل حضور و%3 حادثة (%4 سجلًا في المجموع)</translation>
    </message>
    <message>
        <source>%1 changed, %2 already here</source>
        <translation>تغيّر %1، وكان %2 موجودًا من قبل</translation>
    </message>
    <message>
        <source>%1 conflicts kept for review (both versions stored)</source>
        <translation>%1 تعارضًا محفوظًا للمراجعة (حُفظت النسختان)</translation>
    </message>
    <message>
        <source>%1 records refused</source>
        <translation>رُفض %1 سجلًا</translation>
    </message>
    <message>
        <source>%1 erased as the sender asked</source>
        <translation>حُذف %1 كما طلب المرسِل</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>الميسِّر</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>آخر حزمة</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>الحزم</translation>
    </message>
    <message>
        <source>Receipt due</source>
        <translation>إيصال مستحق</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>في الحجر</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>تعارضات مفتوحة</translation>
    </message>
    <message>
        <source>Mark the selected receipt as &amp;read</source>
        <translation>تعليم الإيصال المحدد بأنه مقروء (&amp;R)</translation>
    </message>
    <message>
        <source>Write &amp;receipts for facilitators…</source>
        <translation>كتابة إيصالات للميسِّرين (&amp;R)…</translation>
    </message>
    <message>
        <source>Facilitators whose bundles arrive here:</source>
        <translation>الميسِّرون الذين تصل حزمهم إلى هنا:</translation>
    </message>
    <message>
        <source>Receipts from your supervisor:</source>
        <translation>الإيصالات الواردة من مشرفك:</translation>
    </message>
    <message>
        <source>Folder for receipts</source>
        <translation>مجلد الإيصالات</translation>
    </message>
    <message>
        <source>%1 receipt(s) written to %2.</source>
        <translation>كُتب %1 إيصالًا في %2.</translation>
    </message>
    <message>
        <source>&amp;Export my public key…</source>
        <translation>تصدير مفتاحي العام (&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Trust a key file…</source>
        <translation>اعتماد ملف مفتاح (&amp;T)…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>البصمة</translation>
    </message>
    <message>
        <source>This computer's fingerprint (read it out when someone trusts your key):</source>
        <translation>بصمة هذا الحاسوب (اقرأها بصوت عالٍ عندما يعتمد أحدٌ مفتاحك):</translation>
    </message>
    <message>
        <source>Export public key</source>
        <translation>تصدير المفتاح العام</translation>
    </message>
    <message>
        <source>Public key written. Fingerprint: %1</source>
        <translation>كُتب المفتاح العام. البصمة: %1</translation>
    </message>
    <message>
        <source>Trust a key file</source>
        <translation>اعتماد ملف مفتاح</translation>
    </message>
    <message>
        <source>Confirm the fingerprint</source>
        <translation>تأكيد البصمة</translation>
    </message>
    <message>
        <source>This file's fingerprint is:
%1

Ask its owner to read theirs out to you, and type what they say:</source>
        <translation>بصمة هذا الملف هي:
%1

اطلب من صاحبه أن يقرأ بصمته لك، واكتب ما يقوله:</translation>
    </message>
    <message>
        <source>Trusted %1.</source>
        <translation>اعتُمد %1.</translation>
    </message>
    <message>
        <source>earliest</source>
        <translation>الأقدم</translation>
    </message>
    <message>
        <source>latest</source>
        <translation>الأحدث</translation>
    </message>
    <message>
        <source>never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>read</source>
        <translation>مقروء</translation>
    </message>
    <message>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>%1 · from %2 · %3 bundle(s) arrived, %4 refused record(s), %5 quarantined, %6 conflict(s)</source>
        <translation>%1 · من %2 · وصلت %3 حزمة، %4 سجلًا مرفوضًا، %5 في الحجر، %6 تعارضًا</translation>
    </message>
    <message>
        <source>Supervisor: %1</source>
        <translation>المشرف: %1</translation>
    </message>
    <message>
        <source>%1 bundle(s) sent from here have no receipt yet.</source>
        <translation>%1 حزمة أُرسلت من هنا لم يصل إيصالها بعد.</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>هذا الحاسوب</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>معتمَد</translation>
    </message>
    <message>
        <source>active</source>
        <translation>فعّال</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>مُستبدَل</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>مُلغى</translation>
    </message>
    <message>
        <source>%1 record(s) arrived with different content; this store's version is kept until a supervisor chooses in the review queue (Supervision, type: Two versions of a record).</source>
        <translation>وصل %1 سجلّ بمحتوى مختلف؛ تبقى النسخة المحفوظة هنا إلى أن يختار مشرف في قائمة المراجعة (الإشراف، النوع: نسختان من سجلّ).</translation>
    </message>
</context>
<context>
    <name>CompetencyChart</name>
    <message>
        <source>Share of the points available at each attempt, oldest first</source>
        <extracomment>The grid lines: none, half, the "competent" threshold, all the points.</extracomment>
        <translation>نسبة النقاط المتاحة في كل محاولة، الأقدم أولًا</translation>
    </message>
    <message>
        <source>not practised yet</source>
        <translation>لم يُتمرَّن عليها بعد</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Show  [F5]</source>
        <translation>اعرض  [F5]</translation>
    </message>
    <message>
        <source>Preview report…  [Ctrl+P]</source>
        <translation>معاينة التقرير…  [Ctrl+P]</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Smallest number shown</source>
        <translation>أصغر عدد يُعرض</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>كل البرامج</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>كل المجموعات</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <source>Complete: {pct}% ({done} of {of} {what})</source>
        <translation>الاكتمال: {pct}% ({done} من {of} {what})</translation>
    </message>
    <message>
        <source>Show the dashboard first.</source>
        <translation>اعرض لوحة المتابعة أولًا.</translation>
    </message>
</context>
<context>
    <name>DebriefView</name>
    <message>
        <source>Feedback PDF (English)</source>
        <translation>ملف ملاحظات PDF (بالإنجليزية)</translation>
    </message>
    <message>
        <source>Feedback PDF (Arabic)</source>
        <translation>ملف ملاحظات PDF (بالعربية)</translation>
    </message>
    <message>
        <source>Trainer review</source>
        <translation>مراجعة المدرّب</translation>
    </message>
    <message>
        <source>Back to practice</source>
        <translation>العودة إلى التدريب</translation>
    </message>
    <message>
        <source>1. How was that for you?</source>
        <translation>١. كيف كان ذلك بالنسبة لك؟</translation>
    </message>
    <message>
        <source>Before any score: what happened for you, and how did it feel?</source>
        <translation>قبل أي درجة: ماذا حدث معك، وكيف شعرت؟</translation>
    </message>
    <message>
        <source>What went well?</source>
        <translation>ما الذي سار جيدًا؟</translation>
    </message>
    <message>
        <source>How well did it go, from %1 (not well) to %2 (very well)?</source>
        <translation>كيف سارت الأمور، من %1 (ليس جيدًا) إلى %2 (جيد جدًا)؟</translation>
    </message>
    <message>
        <source>Save and show the debrief</source>
        <translation>احفظ واعرض المراجعة</translation>
    </message>
    <message>
        <source>2. Key moments</source>
        <translation>٢. اللحظات الرئيسية</translation>
    </message>
    <message>
        <source>You chose: %1</source>
        <translation>اخترت: %1</translation>
    </message>
    <message>
        <source>This was the strongest option.</source>
        <translation>كان هذا الخيار الأقوى.</translation>
    </message>
    <message>
        <source>Strongest option: %1</source>
        <translation>الخيار الأقوى: %1</translation>
    </message>
    <message>
        <source>Feedback: %1</source>
        <translation>التعليق: %1</translation>
    </message>
    <message>
        <source>See: %1</source>
        <translation>انظر: %1</translation>
    </message>
    <message>
        <source>Trainer (%1): %2</source>
        <translation>المدرّب (%1): %2</translation>
    </message>
    <message>
        <source>You opened the Safety steps at %1.</source>
        <translation>فتحت خطوات السلامة عند %1.</translation>
    </message>
    <message>
        <source>You did not open the Safety steps.</source>
        <translation>لم تفتح خطوات السلامة.</translation>
    </message>
    <message>
        <source>3. Scores</source>
        <translation>٣. الدرجات</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <source>Changed from %1 by %2: %3</source>
        <translation>عُدّلت من %1 بواسطة %2: %3</translation>
    </message>
    <message>
        <source>4. What to practise next</source>
        <translation>٤. ما تتمرّن عليه بعد ذلك</translation>
    </message>
    <message>
        <source>Save the practice feedback</source>
        <translation>احفظ ملاحظات التدريب</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Decision: what do you do?  (the step timer is stopped)</source>
        <translation>قرار: ماذا تفعل؟  (مؤقّت الخطوة متوقف)</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>ملاحظة المدرّب</translation>
    </message>
    <message>
        <source>Option %1: %2</source>
        <translation>الخيار %1: %2</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>Optional details</source>
        <translation>تفاصيل اختيارية</translation>
    </message>
    <message>
        <source>Optional details for %1. Both can be left as "not asked".</source>
        <translation>تفاصيل اختيارية للرمز %1. يمكن ترك الحقلين على «لم يُسأل».</translation>
    </message>
</context>
<context>
    <name>DetailsFields</name>
    <message>
        <source>Not asked / prefer not to say</source>
        <translation>لم يُسأل / يفضّل عدم الإجابة</translation>
    </message>
    <message>
        <source>Age band, optional</source>
        <translation>الفئة العمرية، اختيارية</translation>
    </message>
    <message>
        <source>Gender, optional</source>
        <translation>الجنس، اختياري</translation>
    </message>
    <message>
        <source>&amp;Gender (optional)</source>
        <translation>الجنس (اختياري) (&amp;G)</translation>
    </message>
    <message>
        <source>Age &amp;band (optional)</source>
        <translation>الفئة العمرية (اختيارية) (&amp;B)</translation>
    </message>
</context>
<context>
    <name>Disclosure</name>
    <message>
        <source>– withheld: based on fewer than {k} people.</source>
        <translation>– محجوب: مبني على أقل من {k} أشخاص.</translation>
    </message>
    <message>
        <source>x: not shown, so that no count from 1 to {km1} can be read or worked out from this report or from earlier reports to the same readers. Any hidden cell may hold a small count, a larger one or 0.</source>
        <translation>x: غير معروض، حتى لا يمكن قراءة أي عدد من 1 إلى {km1} أو استنتاجه من هذا التقرير أو من تقارير سابقة للقرّاء أنفسهم. قد تحمل أي خانة مخفية عددًا صغيرًا أو أكبر أو صفرًا.</translation>
    </message>
</context>
<context>
    <name>EventCard</name>
    <message>
        <source>brought in by the trainer</source>
        <translation>أدخله المدرّب</translation>
    </message>
    <message>
        <source>Cue: %1</source>
        <translation>إشارة: %1</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Handout saved</source>
        <translation>حُفظت النشرة</translation>
    </message>
    <message>
        <source>The handout was saved to %1.</source>
        <translation>حُفظت النشرة في %1.</translation>
    </message>
    <message>
        <source>Writing the handout…</source>
        <translation>جارٍ إعداد النشرة…</translation>
    </message>
    <message>
        <source>Forms saved</source>
        <translation>حُفظت الاستمارات</translation>
    </message>
    <message>
        <source>The WHO-5 forms were saved to %1.</source>
        <translation>حُفظت استمارات WHO-5 في %1.</translation>
    </message>
    <message>
        <source>Writing the WHO-5 forms…</source>
        <translation>جارٍ إعداد استمارات WHO-5…</translation>
    </message>
</context>
<context>
    <name>FirstGroupPage</name>
    <message>
        <source>Your first group</source>
        <translation>مجموعتك الأولى</translation>
    </message>
    <message>
        <source>You can add more groups, and the participants, later.</source>
        <translation>يمكنك إضافة مجموعات أخرى والمشاركين لاحقًا.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>الاسم (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Kind of group</source>
        <translation>نوع المجموعة (&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Language of the sessions</source>
        <translation>لغة الجلسات (&amp;L)</translation>
    </message>
    <message>
        <source>For example: Tuesday evening circle</source>
        <translation>مثلًا: حلقة مساء الثلاثاء</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>اسم المجموعة</translation>
    </message>
    <message>
        <source>Kind of group</source>
        <translation>نوع المجموعة</translation>
    </message>
    <message>
        <source>Language of the sessions</source>
        <translation>لغة الجلسات</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Facilitator: first start</source>
        <translation>الميسِّر: التشغيل الأول</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>التالي (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>السابق (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>إنهاء (&amp;F)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Creating the encrypted store…</source>
        <translation>جارٍ إنشاء المخزن المشفّر…</translation>
    </message>
    <message>
        <source>Leave without the recovery code?</source>
        <translation>المغادرة دون رمز الاسترداد؟</translation>
    </message>
    <message>
        <source>The recovery code will not be shown again. Leave anyway?</source>
        <translation>لن يظهر رمز الاسترداد مرة أخرى. هل تريد المغادرة رغم ذلك؟</translation>
    </message>
</context>
<context>
    <name>Gender</name>
    <message>
        <source>Woman</source>
        <translation>امرأة</translation>
    </message>
    <message>
        <source>Man</source>
        <translation>رجل</translation>
    </message>
    <message>
        <source>Another way</source>
        <translation>وصف آخر</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>The group needs a name.</source>
        <translation>تحتاج المجموعة إلى اسم.</translation>
    </message>
    <message>
        <source>The name is too long.</source>
        <translation>الاسم طويل جدًا.</translation>
    </message>
    <message>
        <source>Choose a kind of group.</source>
        <translation>اختر نوع المجموعة.</translation>
    </message>
    <message>
        <source>Choose the group's language.</source>
        <translation>اختر لغة المجموعة.</translation>
    </message>
    <message>
        <source>This group still has participants on its roster. Archive or erase them before keeping a headcount only.</source>
        <translation>ما زال في قائمة هذه المجموعة مشاركون. أرشفهم أو امحُهم قبل الاكتفاء بعدّ الحضور.</translation>
    </message>
    <message>
        <source>Edit group</source>
        <translation>تعديل المجموعة</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>مجموعة جديدة</translation>
    </message>
    <message>
        <source>For example: Tuesday evening circle</source>
        <translation>مثلًا: حلقة مساء الثلاثاء</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>اسم المجموعة</translation>
    </message>
    <message>
        <source>Kind of group</source>
        <translation>نوع المجموعة</translation>
    </message>
    <message>
        <source>Language of the sessions</source>
        <translation>لغة الجلسات</translation>
    </message>
    <message>
        <source>Default script</source>
        <translation>برنامج الجلسة المعتاد</translation>
    </message>
    <message>
        <source>Extra ground rules</source>
        <translation>قواعد إضافية للمجموعة</translation>
    </message>
    <message>
        <source>One rule per line, for example: Phones stay in bags during the session.</source>
        <translation>قاعدة واحدة في كل سطر، مثلًا: تبقى الهواتف في الحقائب أثناء الجلسة.</translation>
    </message>
    <message>
        <source>Co-facilitator</source>
        <translation>الميسِّر المشارك</translation>
    </message>
    <message>
        <source>Optional: who leads the group with you</source>
        <translation>اختياري: من يقود المجموعة معك</translation>
    </message>
    <message>
        <source>Keep a &amp;headcount only (no list of participants)</source>
        <translation>الاكتفاء بعدّ الحضور (بلا قائمة مشاركين) (&amp;H)</translation>
    </message>
    <message>
        <source>For drop-in meetings: the app records how many came, never who. No codes, check-in scores or WHO-5 are kept.</source>
        <translation>للّقاءات المفتوحة: يسجّل التطبيق عدد الحاضرين فقط، لا هويتهم. لا تُحفظ رموز ولا درجات افتتاح ولا WHO-5.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>الاسم (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Kind of group</source>
        <translation>نوع المجموعة (&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>اللغة (&amp;L)</translation>
    </message>
    <message>
        <source>Default &amp;script</source>
        <translation>برنامج الجلسة المعتاد (&amp;S)</translation>
    </message>
    <message>
        <source>Extra ground &amp;rules</source>
        <translation>قواعد إضافية (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Co-facilitator</source>
        <translation>الميسِّر المشارك (&amp;C)</translation>
    </message>
    <message>
        <source>Save group</source>
        <translation>حفظ المجموعة</translation>
    </message>
    <message>
        <source>Choose each time</source>
        <translation>أختار في كل مرة</translation>
    </message>
    <message>
        <source>Saving the group</source>
        <translation>جارٍ حفظ المجموعة</translation>
    </message>
    <message>
        <source>The group could not be saved.</source>
        <translation>تعذّر حفظ المجموعة.</translation>
    </message>
</context>
<context>
    <name>GroupView</name>
    <message>
        <source>Group name</source>
        <translation>اسم المجموعة</translation>
    </message>
    <message>
        <source>&amp;Edit group…</source>
        <translation>تعديل المجموعة (&amp;E)…</translation>
    </message>
    <message>
        <source>A de-identified PDF report for a supervisor</source>
        <translation>تقرير PDF للمشرف بلا بيانات تعريفية</translation>
    </message>
    <message>
        <source>&amp;Plan a session</source>
        <translation>تخطيط جلسة (&amp;P)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>المشاركون</translation>
    </message>
    <message>
        <source>Codes are what the app keeps. Aliases are private reminders for you; they never appear in reports or on the projector.</source>
        <translation>الرموز هي ما يحفظه التطبيق. الأسماء المستعارة تذكير خاص بك وحدك؛ لا تظهر أبدًا في التقارير ولا على شاشة العرض.</translation>
    </message>
    <message>
        <source>This group keeps a headcount only: each session records how many people came, and no list of participants is kept. Change this with Edit group.</source>
        <translation>تكتفي هذه المجموعة بعدّ الحضور: تسجّل كل جلسة عدد من حضروا، ولا تُحفظ قائمة بالمشاركين. يمكن تغيير ذلك من «تعديل المجموعة».</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>قائمة المشاركين</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>الرمز</translation>
    </message>
    <message>
        <source>Alias (private)</source>
        <translation>الاسم المستعار (خاص)</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>الفئة العمرية</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Add &amp;newcomer</source>
        <translation>إضافة مشارك جديد (&amp;N)</translation>
    </message>
    <message>
        <source>Edit &amp;alias…</source>
        <translation>تعديل الاسم المستعار (&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>تفاصيل (&amp;D)…</translation>
    </message>
    <message>
        <source>Optional age band and gender</source>
        <translation>الفئة العمرية والجنس، اختياريان</translation>
    </message>
    <message>
        <source>E&amp;rase…</source>
        <translation>محو (&amp;R)…</translation>
    </message>
    <message>
        <source>Delete this participant and everything recorded about them</source>
        <translation>احذف هذا المشارك وكل ما سُجِّل عنه</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>إظهار المؤرشَفين</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>بالمشاركة مع %1</translation>
    </message>
    <message>
        <source>default script: %1</source>
        <translation>البرنامج المعتاد: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n extra rule(s)</source>
        <translation>
            <numerusform>لا قواعد إضافية</numerusform>
            <numerusform>قاعدة إضافية واحدة</numerusform>
            <numerusform>قاعدتان إضافيتان</numerusform>
            <numerusform>%Ln قواعد إضافية</numerusform>
            <numerusform>%Ln قاعدة إضافية</numerusform>
            <numerusform>%Ln قاعدة إضافية</numerusform>
        </translation>
    </message>
    <message>
        <source>headcount only</source>
        <translation>عدّ الحضور فقط</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>مؤرشَف</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>الحضور</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>الاسم المستعار</translation>
    </message>
    <message>
        <source>Alias for %1 (only you see it):</source>
        <translation>الاسم المستعار لصاحب الرمز %1 (لا يراه غيرك):</translation>
    </message>
    <message>
        <source>Erase participant</source>
        <translation>محو المشارك</translation>
    </message>
    <message>
        <source>Erase %1 and everything recorded about them (attendance and scores)? This cannot be undone. To keep their history in the numbers, archive them instead.</source>
        <translation>هل تريد محو %1 وكل ما سُجِّل عنه (الحضور والدرجات)؟ لا يمكن التراجع عن ذلك. إن أردت أن يبقى سجله محسوبًا في الأرقام، فأرشِفه بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>محو نهائي</translation>
    </message>
    <message>
        <source>&amp;Group report…</source>
        <translation>تقرير المجموعة (&amp;G)…</translation>
    </message>
    <message>
        <source>No participants yet: press Add newcomer as people join. Each gets a random code.</source>
        <translation>لا مشاركين بعد: اضغط «إضافة مشارك جديد» عند انضمام الناس، فيحصل كل منهم على رمز عشوائي.</translation>
    </message>
    <message>
        <source>Arc&amp;hive</source>
        <translation>أرشفة (&amp;H)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>الجلسات</translation>
    </message>
    <message>
        <source>Sessions of this group</source>
        <translation>جلسات هذه المجموعة</translation>
    </message>
    <message>
        <source>No sessions yet: plan one with Plan a session.</source>
        <translation>لا جلسات بعد: خطّط لجلسة بزر «تخطيط جلسة».</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>انتهت</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>أُلغيت</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>لم تنتهِ</translation>
    </message>
    <message numerus="yes">
        <source>%n present</source>
        <translation>
            <numerusform>لم يحضر أحد</numerusform>
            <numerusform>حضر شخص واحد</numerusform>
            <numerusform>حضر شخصان</numerusform>
            <numerusform>حضر %Ln أشخاص</numerusform>
            <numerusform>حضر %Ln شخصًا</numerusform>
            <numerusform>حضر %Ln شخص</numerusform>
        </translation>
    </message>
    <message>
        <source>practice</source>
        <translation>تدريبية</translation>
    </message>
    <message>
        <source>Unarc&amp;hive</source>
        <translation>إلغاء الأرشفة (&amp;H)</translation>
    </message>
</context>
<context>
    <name>HeadcountPanel</name>
    <message>
        <source>How many people are here?</source>
        <translation>كم شخصًا حاضرون؟</translation>
    </message>
    <message>
        <source>Number of people present</source>
        <translation>عدد الحاضرين</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>A trainee's practice over time</source>
        <translation>تدريب المتدرّب عبر الوقت</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>المتدرّب</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>البداية</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>السيناريو</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>الوضع</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>النقاط</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>Trainer review</source>
        <translation>مراجعة المدرّب</translation>
    </message>
    <message>
        <source>Replay from its seed</source>
        <translation>إعادة التشغيل من البذرة</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>استئناف</translation>
    </message>
    <message>
        <source>Only an attempt that was cut short can be resumed.</source>
        <translation>لا يمكن استئناف إلا محاولة انقطعت قبل نهايتها.</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>لم يكتمل</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>أُوقف</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Your groups</source>
        <translation>مجموعاتك</translation>
    </message>
    <message>
        <source>Choose a group to see its roster and plan the next session. Press Enter to open it.</source>
        <translation>اختر مجموعة لترى قائمة مشاركيها وتخطط للجلسة القادمة. اضغط Enter لفتحها.</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>المجموعات</translation>
    </message>
    <message>
        <source>Your groups. Press Enter to open one.</source>
        <translation>مجموعاتك. اضغط Enter لفتح إحداها.</translation>
    </message>
    <message>
        <source>No groups yet. Create your first group to begin.</source>
        <translation>لا توجد مجموعات بعد. أنشئ مجموعتك الأولى لتبدأ.</translation>
    </message>
    <message>
        <source>Show archived groups</source>
        <translation>إظهار المجموعات المؤرشَفة</translation>
    </message>
    <message>
        <source>&amp;New group…</source>
        <translation>مجموعة جديدة (&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open group</source>
        <translation>فتح المجموعة (&amp;O)</translation>
    </message>
    <message>
        <source>Practice  [Ctrl+T]</source>
        <translation>التدريب  [Ctrl+T]</translation>
    </message>
    <message>
        <source>Practice with a simulated group</source>
        <translation>تدرّب مع مجموعة محاكاة</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>لا مشاركين</numerusform>
            <numerusform>مشارك واحد</numerusform>
            <numerusform>مشاركان</numerusform>
            <numerusform>%Ln مشاركين</numerusform>
            <numerusform>%Ln مشاركًا</numerusform>
            <numerusform>%Ln مشارك</numerusform>
        </translation>
    </message>
    <message>
        <source>last met %1</source>
        <translation>آخر لقاء %1</translation>
    </message>
    <message>
        <source>no sessions yet</source>
        <translation>لا جلسات بعد</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>مؤرشَفة</translation>
    </message>
    <message>
        <source>&amp;Resume session</source>
        <translation>استئناف الجلسة (&amp;R)</translation>
    </message>
    <message>
        <source>Resume session</source>
        <translation>متابعة الجلسة</translation>
    </message>
    <message>
        <source>D&amp;iscard…</source>
        <translation>إلغاء الجلسة (&amp;I)…</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>إلغاء الجلسة…</translation>
    </message>
    <message>
        <source>End this session for good; what was recorded stays</source>
        <translation>إنهاء هذه الجلسة نهائيًا؛ ويبقى ما سُجّل فيها</translation>
    </message>
</context>
<context>
    <name>Identifying</name>
    <message>
        <source>a phone number</source>
        <translation>رقم هاتف</translation>
    </message>
    <message>
        <source>an e-mail address</source>
        <translation>عنوان بريد إلكتروني</translation>
    </message>
    <message>
        <source>a date that could be a date of birth</source>
        <translation>تاريخ قد يكون تاريخ ميلاد</translation>
    </message>
    <message>
        <source>a date of birth or age detail</source>
        <translation>تاريخ ميلاد أو تفصيل عن العمر</translation>
    </message>
    <message>
        <source>a participant's name</source>
        <translation>اسم أحد المشاركين</translation>
    </message>
</context>
<context>
    <name>IdentifyingTextEdit</name>
    <message>
        <source>This may identify someone (%1). Keep notes anonymous: use codes, not names or contact details.</source>
        <translation>قد يكشف هذا عن هوية شخص (%1). اجعل الملاحظات مجهولة الهوية: استخدم الرموز، لا الأسماء ولا بيانات التواصل.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Check a scenario file</source>
        <translation>فحص ملف سيناريو</translation>
    </message>
    <message>
        <source>Ready to practise: %1 (%2 paths checked).</source>
        <translation>جاهز للتدريب: %1 (فُحص %2 مسارًا).</translation>
    </message>
    <message>
        <source>%1 problem(s) to fix before this scenario can be used.</source>
        <translation>مشكلات يجب إصلاحها قبل استعمال هذا السيناريو: %1.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <source>What to fix</source>
        <translation>ما يجب إصلاحه</translation>
    </message>
    <message>
        <source>Practise this scenario</source>
        <translation>تدرّب على هذا السيناريو</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to Facilitator</source>
        <translation>مرحبًا بك في الميسِّر (Facilitator)</translation>
    </message>
    <message>
        <source>Choose the language for the app. You can change it later in Settings.</source>
        <translation>اختر لغة التطبيق. يمكنك تغييرها لاحقًا من الإعدادات.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation>مقفل</translation>
    </message>
    <message>
        <source>Facilitator locked itself after a quiet spell, or you locked it. Your groups are hidden until you unlock. A session in progress is still being saved.</source>
        <translation>أُقفل التطبيق بعد فترة دون استخدام، أو أنك أقفلته بنفسك. مجموعاتك مخفية حتى تفتح القفل. أي جلسة جارية ما زالت تُحفظ.</translation>
    </message>
    <message>
        <source>Demo store: the passphrase is %1</source>
        <translation>مخزن تجريبي: عبارة المرور هي %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening your groups…</source>
        <translation>جارٍ فتح مجموعاتك…</translation>
    </message>
    <message>
        <source>Facilitator (demo)</source>
        <translation>الميسِّر (نسخة تجريبية)</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>الميسِّر</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>التنقل</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>الرئيسية</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>مجموعة جديدة</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>التدريب</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>الحزم</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>أقفل</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>الإشراف</translation>
    </message>
</context>
<context>
    <name>Measures</name>
    <message>
        <source>This WHO-5 score is in the low range. Consider a quiet, private word after the group: ask how things are, and offer the support options on your resource list. This is a prompt to check in, not a diagnosis.</source>
        <translation>هذه النتيجة على مقياس WHO-5 في النطاق المنخفض. فكّر في حديث هادئ على انفراد بعد اللقاء: اسأل عن الحال، واعرض خيارات الدعم الموجودة في قائمة الجهات لديك. هذا تنبيه للاطمئنان، وليس تشخيصًا.</translation>
    </message>
    <message>
        <source>This WHO-5 score is 10 or more points lower than last time. It may be worth a private check-in and a reminder of the support options on your resource list.</source>
        <translation>هذه النتيجة على مقياس WHO-5 أقل بعشر نقاط أو أكثر من المرة السابقة. قد يفيد اطمئنان على انفراد وتذكير بخيارات الدعم الموجودة في قائمة الجهات لديك.</translation>
    </message>
    <message>
        <source>'{key}' is not a built-in measure.</source>
        <translation>'{key}' ليس مقياسًا مدمجًا.</translation>
    </message>
    <message>
        <source>There is no measure called '{key}'.</source>
        <translation>لا يوجد مقياس باسم '{key}'.</translation>
    </message>
    <message>
        <source>WHO-5 has exactly five items.</source>
        <translation>لمقياس WHO-5 خمسة بنود بالضبط.</translation>
    </message>
    <message>
        <source>Each WHO-5 answer is a whole number from 0 to 5.</source>
        <translation>كل إجابة في مقياس WHO-5 عدد صحيح من ٠ إلى ٥.</translation>
    </message>
    <message>
        <source>A score must be a number.</source>
        <translation>يجب أن تكون الدرجة رقمًا.</translation>
    </message>
    <message>
        <source>A score for this measure must be between {lo} and {hi}.</source>
        <translation>يجب أن تكون درجة هذا المقياس بين {lo} و{hi}.</translation>
    </message>
    <message>
        <source>The check-in rating is a whole number from 0 to 10.</source>
        <translation>تقييم بداية الجلسة عدد صحيح من ٠ إلى ١٠.</translation>
    </message>
    <message>
        <source>A score for this measure goes from {lo} to {hi} in steps of {step}; {value} is not one of them.</source>
        <translation>درجة هذا المقياس من {lo} إلى {hi} بخطوات مقدارها {step}، والقيمة {value} ليست منها.</translation>
    </message>
    <message>
        <source>Unknown phase '{phase}'.</source>
        <translation>المرحلة '{phase}' غير معروفة.</translation>
    </message>
    <message>
        <source>This measure is not asked at the '{value}' point.</source>
        <translation>لا يُطرح هذا المقياس عند النقطة '{value}'.</translation>
    </message>
    <message>
        <source>That participant is not in this session's group.</source>
        <translation>هذا المشارك ليس في مجموعة هذه الجلسة.</translation>
    </message>
    <message>
        <source>The measure '{key}' is retired and is not asked any more.</source>
        <translation>المقياس '{key}' متوقف ولم يعد يُطرح.</translation>
    </message>
    <message>
        <source>A pass carries no score.</source>
        <translation>التخطي لا يحمل درجة.</translation>
    </message>
    <message>
        <source>WHO-5 needs all five answers.</source>
        <translation>يحتاج مقياس WHO-5 إلى الإجابات الخمس كلها.</translation>
    </message>
    <message>
        <source>Give a score or choose 'pass'.</source>
        <translation>أدخل درجة أو اختر 'تخطٍّ'.</translation>
    </message>
    <message>
        <source>That group does not exist.</source>
        <translation>هذه المجموعة غير موجودة.</translation>
    </message>
    <message>
        <source>That session does not exist.</source>
        <translation>هذه الجلسة غير موجودة.</translation>
    </message>
</context>
<context>
    <name>MeasuresDialog</name>
    <message>
        <source>Outcome measures</source>
        <translation>مقاييس النتائج</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>المقياس</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>الدرجات</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>متى يُسأل</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>إيقاف (&amp;R)</translation>
    </message>
    <message>
        <source>Edit &amp;titles…</source>
        <translation>تعديل العناوين (&amp;T)…</translation>
    </message>
    <message>
        <source>Reword the English or Arabic title; the scale stays as it is</source>
        <translation>إعادة صياغة العنوان الإنجليزي أو العربي؛ يبقى المقياس كما هو</translation>
    </message>
    <message>
        <source>for example: sleep_quality</source>
        <translation>مثلًا: sleep_quality</translation>
    </message>
    <message>
        <source>At the start and at the end of a session</source>
        <translation>في بداية الجلسة وفي نهايتها</translation>
    </message>
    <message>
        <source>Once, at the end of a session</source>
        <translation>مرة واحدة، في نهاية الجلسة</translation>
    </message>
    <message>
        <source>At the start, at the end and once</source>
        <translation>في البداية وفي النهاية ومرة واحدة</translation>
    </message>
    <message>
        <source>A &amp;higher score is better</source>
        <translation>الدرجة الأعلى أفضل (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Add measure</source>
        <translation>إضافة المقياس (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>من (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>الرمز (&amp;K)</translation>
    </message>
    <message>
        <source>Title in &amp;English</source>
        <translation>العنوان بالإنجليزية (&amp;E)</translation>
    </message>
    <message>
        <source>A&amp;sked</source>
        <translation>متى يُسأل (&amp;S)</translation>
    </message>
    <message>
        <source>Add the organisation's own measure</source>
        <translation>إضافة مقياس خاص بالمنظمة</translation>
    </message>
    <message>
        <source>An organisation's own measure is not a validated instrument; reports say so. Pass is always allowed and is never scored.</source>
        <translation>المقياس الخاص بالمنظمة ليس أداة مُحكَّمة، وتذكر التقارير ذلك. التخطي مسموح دائمًا ولا يُحتسب درجةً أبدًا.</translation>
    </message>
    <message>
        <source>Load the Arabic &amp;WHO-5 wording…</source>
        <translation>تحميل الصياغة العربية لمؤشر WHO-5 (&amp;W)…</translation>
    </message>
    <message>
        <source>A YAML file with title, instructions, the five items and the six answer labels (for 5 down to 0); see the README</source>
        <translation>ملف YAML فيه العنوان والتعليمات والعبارات الخمس وتسميات الإجابات الست (من 5 إلى 0)؛ انظر ملف README</translation>
    </message>
    <message>
        <source>Arabic WHO-5 wording: your organisation's own.</source>
        <translation>الصياغة العربية لمؤشر WHO-5: صياغة منظمتك.</translation>
    </message>
    <message>
        <source>Arabic WHO-5 wording: the published version.</source>
        <translation>الصياغة العربية لمؤشر WHO-5: النسخة المنشورة.</translation>
    </message>
    <message>
        <source>Arabic WHO-5 wording: this app's own rendering, not yet checked against the published Arabic version.</source>
        <translation>الصياغة العربية لمؤشر WHO-5: ترجمة هذا التطبيق، لم تُراجَع بعدُ مقابل النسخة العربية المنشورة.</translation>
    </message>
    <message>
        <source>The Arabic WHO-5 wording</source>
        <translation>الصياغة العربية لمؤشر WHO-5</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>ملفات YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Saving the wording</source>
        <translation>جارٍ حفظ الصياغة</translation>
    </message>
    <message>
        <source>The wording was not changed: %1</source>
        <translation>لم تتغير الصياغة: %1</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>موقوف</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>معروض</translation>
    </message>
    <message>
        <source>0 to 100 (five items 0 to 5)</source>
        <translation>0 إلى 100 (خمسة بنود من 0 إلى 5)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 إلى %2</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>بخطوة %1</translation>
    </message>
    <message>
        <source>start, end and once</source>
        <translation>البداية والنهاية ومرة واحدة</translation>
    </message>
    <message>
        <source>start and end</source>
        <translation>البداية والنهاية</translation>
    </message>
    <message>
        <source>once</source>
        <translation>مرة واحدة</translation>
    </message>
    <message>
        <source>Built in, validated instrument</source>
        <translation>مدمج، أداة مُحكَّمة</translation>
    </message>
    <message>
        <source>Built in, not a validated instrument</source>
        <translation>مدمج، ليس أداة مُحكَّمة</translation>
    </message>
    <message>
        <source>Organisation's own, not validated</source>
        <translation>خاص بالمنظمة، غير مُحكَّم</translation>
    </message>
    <message>
        <source>Built-in measures cannot be retired.</source>
        <translation>لا يمكن إيقاف المقاييس المدمجة.</translation>
    </message>
    <message>
        <source>Retiring keeps every answer; the measure is only no longer offered in new sessions.</source>
        <translation>الإيقاف يحتفظ بكل الإجابات؛ لكن المقياس لا يُعرض بعد الآن في الجلسات الجديدة.</translation>
    </message>
    <message>
        <source>Saving the measure</source>
        <translation>جارٍ حفظ المقياس</translation>
    </message>
    <message>
        <source>Edit titles</source>
        <translation>تعديل العناوين</translation>
    </message>
    <message>
        <source>Title in English</source>
        <translation>العنوان بالإنجليزية</translation>
    </message>
    <message>
        <source>Title in Arabic</source>
        <translation>العنوان بالعربية</translation>
    </message>
    <message>
        <source>Added the measure '%1'.</source>
        <translation>أُضيف المقياس '%1'.</translation>
    </message>
    <message>
        <source>The measure could not be saved.</source>
        <translation>تعذّر حفظ المقياس.</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>إلى (&amp;O)</translation>
    </message>
    <message>
        <source>in ste&amp;ps of</source>
        <translation>بخطوات قدرها (&amp;P)</translation>
    </message>
    <message>
        <source>Title in Arab&amp;ic</source>
        <translation>العنوان بالعربية (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Use the shipped wording</source>
        <translation>استخدام الصياغة المرفقة بالتطبيق (&amp;U)</translation>
    </message>
    <message>
        <source>Offer a&amp;gain</source>
        <translation>إتاحته من جديد (&amp;G)</translation>
    </message>
</context>
<context>
    <name>NewcomerDialog</name>
    <message>
        <source>Add a newcomer</source>
        <translation>إضافة مشارك جديد</translation>
    </message>
    <message>
        <source>A new random code is made when you press Add. Tell the person their code, or write it on their card.</source>
        <translation>يُنشأ رمز عشوائي جديد عند الضغط على «إضافة». أخبر الشخص برمزه، أو اكتبه على بطاقته.</translation>
    </message>
    <message>
        <source>&amp;Alias (optional, only you see it)</source>
        <translation>الاسم المستعار (اختياري، لا يراه غيرك) (&amp;A)</translation>
    </message>
    <message>
        <source>Alias, optional, seen only by you</source>
        <translation>الاسم المستعار، اختياري، لا يراه غيرك</translation>
    </message>
    <message>
        <source>A first name or nickname</source>
        <translation>اسم أول أو لقب</translation>
    </message>
    <message>
        <source>Add newcomer</source>
        <translation>إضافة مشارك جديد</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>إضافة (&amp;D)</translation>
    </message>
</context>
<context>
    <name>ObserverMarksDialog</name>
    <message>
        <source>Observer marks</source>
        <translation>علامات المراقب</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>المتدرّب</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>المراقب</translation>
    </message>
    <message>
        <source>not ticked</source>
        <translation>بلا علامة</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Set a new passphrase</source>
        <translation>تعيين عبارة مرور جديدة</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>تغيير عبارة المرور</translation>
    </message>
    <message>
        <source>The recovery code opened your records. Choose a new passphrase now, so you do not need the code next time.</source>
        <translation>فتح رمز الاسترداد سجلاتك. اختر عبارة مرور جديدة الآن كي لا تحتاج إلى الرمز في المرة القادمة.</translation>
    </message>
    <message>
        <source>The new passphrase replaces the old one at once. Your records stay as they are, and the recovery code still works.</source>
        <translation>تحلّ عبارة المرور الجديدة محل القديمة فورًا. تبقى سجلاتك كما هي، ويبقى رمز الاسترداد صالحًا.</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>عبارة المرور الجديدة</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>عبارة المرور الجديدة مرة أخرى</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>عبارة المرور الجديدة (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Type it again</source>
        <translation>اكتبها مرة أخرى (&amp;T)</translation>
    </message>
    <message>
        <source>At least %1 characters. A short sentence is easier to remember than a jumble of symbols.</source>
        <translation>%1 أحرف على الأقل. الجملة القصيرة أسهل في التذكّر من خليط من الرموز.</translation>
    </message>
    <message>
        <source>&amp;Save the passphrase</source>
        <translation>حفظ عبارة المرور (&amp;S)</translation>
    </message>
    <message>
        <source>The passphrase is too short.</source>
        <translation>عبارة المرور قصيرة جدًا.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>العبارتان غير متطابقتين.</translation>
    </message>
    <message>
        <source>Saving the passphrase…</source>
        <translation>جارٍ حفظ عبارة المرور…</translation>
    </message>
    <message>
        <source>The passphrase could not be saved; the old one still works.</source>
        <translation>تعذّر حفظ عبارة المرور؛ وما زالت القديمة صالحة.</translation>
    </message>
    <message>
        <source>Set a new passphrase?</source>
        <translation>تعيين عبارة مرور جديدة؟</translation>
    </message>
    <message>
        <source>You opened your records with the recovery code. Set a new passphrase now?</source>
        <translation>فتحت سجلاتك برمز الاسترداد. هل تريد تعيين عبارة مرور جديدة الآن؟</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>Plan a session</source>
        <translation>تخطيط جلسة</translation>
    </message>
    <message>
        <source>Scripts</source>
        <translation>برامج الجلسات</translation>
    </message>
    <message>
        <source>Script title</source>
        <translation>عنوان البرنامج</translation>
    </message>
    <message>
        <source>Steps of the session</source>
        <translation>خطوات الجلسة</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>تبدأ عند</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>الخطوة</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>الدقائق</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>الوقت الكلي</translation>
    </message>
    <message>
        <source>&amp;Duplicate to edit…</source>
        <translation>نسخ للتعديل (&amp;D)…</translation>
    </message>
    <message>
        <source>Make your own copy of this script to reorder, retime or reword</source>
        <translation>أنشئ نسختك الخاصة من هذا البرنامج لتغيير ترتيب الخطوات أو أوقاتها أو صياغتها</translation>
    </message>
    <message>
        <source>&amp;Edit copy…</source>
        <translation>تعديل النسخة (&amp;E)…</translation>
    </message>
    <message>
        <source>Practice run (not counted in reports)</source>
        <translation>جلسة تدريبية (لا تُحسب في التقارير)</translation>
    </message>
    <message>
        <source>&amp;Start session</source>
        <translation>بدء الجلسة (&amp;S)</translation>
    </message>
    <message>
        <source>WHO-5 is due at this session: print a form for each person.</source>
        <translation>موعد مؤشر WHO-5 في هذه الجلسة: اطبع استمارة لكل شخص.</translation>
    </message>
    <message>
        <source>Plan a session for %1</source>
        <translation>تخطيط جلسة: %1</translation>
    </message>
    <message>
        <source>your copy</source>
        <translation>نسختك</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 دقيقة</translation>
    </message>
    <message>
        <source>%1 to %2 people</source>
        <translation>من %1 إلى %2 أشخاص</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>لا خطوات</numerusform>
            <numerusform>خطوة واحدة</numerusform>
            <numerusform>خطوتان</numerusform>
            <numerusform>%Ln خطوات</numerusform>
            <numerusform>%Ln خطوة</numerusform>
            <numerusform>%Ln خطوة</numerusform>
        </translation>
    </message>
    <message>
        <source>The steps add up to %1 minutes, the planned length of the session.</source>
        <translation>مجموع الخطوات %1 دقيقة، وهو الطول المخطط للجلسة.</translation>
    </message>
    <message>
        <source>The steps add up to %1 minutes, but the session is planned for %2 minutes.</source>
        <translation>مجموع الخطوات %1 دقيقة، لكن الجلسة مخطط لها %2 دقيقة.</translation>
    </message>
    <message>
        <source>Save the participant handout</source>
        <translation>حفظ نشرة المشاركين</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF ‏(*.pdf)</translation>
    </message>
    <message>
        <source>WHO-5 forms</source>
        <translation>استمارات WHO-5</translation>
    </message>
    <message>
        <source>How many forms (one page each)?</source>
        <translation>كم استمارة (صفحة لكل واحدة)؟</translation>
    </message>
    <message>
        <source>Save the WHO-5 forms</source>
        <translation>حفظ استمارات WHO-5</translation>
    </message>
    <message>
        <source>&amp;Handout PDF…</source>
        <translation>نشرة المشاركين PDF (&amp;H)…</translation>
    </message>
    <message>
        <source>Save a one-page PDF for participants, to print</source>
        <translation>حفظ ملف PDF من صفحة واحدة للمشاركين، لطباعته</translation>
    </message>
    <message>
        <source>WHO-5 &amp;forms PDF…</source>
        <translation>استمارات WHO-5 بصيغة PDF (&amp;F)…</translation>
    </message>
    <message>
        <source>Save blank WHO-5 wellbeing forms as a PDF, to print for the group to fill in on paper</source>
        <translation>حفظ استمارات WHO-5 فارغة بصيغة PDF، لطباعتها وتعبئتها ورقيًا في المجموعة</translation>
    </message>
    <message>
        <source>Add the safety &amp;numbers…</source>
        <translation>إضافة أرقام السلامة (&amp;N)…</translation>
    </message>
    <message>
        <source>The emergency number or the crisis line is not set yet: Safety (F1) would have no number to call.</source>
        <translation>لم يُحدَّد رقم الطوارئ أو خط الأزمات بعد: لن تجد في «السلامة» (F1) رقمًا للاتصال به.</translation>
    </message>
</context>
<context>
    <name>Practice</name>
    <message>
        <source>The practice has already started.</source>
        <translation>بدأ التدريب بالفعل.</translation>
    </message>
    <message>
        <source>Answer the decision first.</source>
        <translation>أجب عن القرار أولًا.</translation>
    </message>
    <message>
        <source>This is the last step: finish the practice.</source>
        <translation>هذه هي الخطوة الأخيرة: أنهِ التدريب.</translation>
    </message>
    <message>
        <source>There is no decision to answer now.</source>
        <translation>لا يوجد قرار تجيب عنه الآن.</translation>
    </message>
    <message>
        <source>That event has already happened.</source>
        <translation>وقع هذا الحدث بالفعل.</translation>
    </message>
    <message>
        <source>The practice is already paused.</source>
        <translation>التدريب متوقف مؤقتًا بالفعل.</translation>
    </message>
    <message>
        <source>The practice is not paused.</source>
        <translation>التدريب ليس متوقفًا مؤقتًا.</translation>
    </message>
    <message>
        <source>The practice has ended.</source>
        <translation>انتهى التدريب.</translation>
    </message>
    <message>
        <source>The practice has not started.</source>
        <translation>لم يبدأ التدريب بعد.</translation>
    </message>
    <message>
        <source>Unknown practice mode '{mode}'; use practice or assessment.</source>
        <translation>نمط التدريب '{mode}' غير معروف؛ استخدم التدريب أو التقييم.</translation>
    </message>
    <message>
        <source>The scenario runs on '{script}', not '{id}'.</source>
        <translation>يعمل هذا السيناريو على النص '{script}'، لا على '{id}'.</translation>
    </message>
    <message>
        <source>The seed is a whole number from 0 to 2147483647.</source>
        <translation>البذرة عدد صحيح من ٠ إلى ٢١٤٧٤٨٣٦٤٧.</translation>
    </message>
    <message>
        <source>The decision has no option '{option_id}'; choose one of: {known}.</source>
        <translation>ليس في هذا القرار خيار '{option_id}'؛ اختر واحدًا من: {known}.</translation>
    </message>
    <message>
        <source>The scenario has no event '{event_id}'.</source>
        <translation>ليس في السيناريو حدث '{event_id}'.</translation>
    </message>
    <message>
        <source>The attempt's log is damaged at entry {seq}.</source>
        <translation>سجل المحاولة تالف عند القيد {seq}.</translation>
    </message>
    <message>
        <source>The practice did not finish within the move limit.</source>
        <translation>لم ينتهِ التدريب ضمن الحد الأقصى للخطوات.</translation>
    </message>
    <message>
        <source>Confidentiality</source>
        <translation>السرية</translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation>الحدود</translation>
    </message>
    <message>
        <source>Safety response</source>
        <translation>الاستجابة للخطر</translation>
    </message>
    <message>
        <source>Group dynamics</source>
        <translation>ديناميكيات المجموعة</translation>
    </message>
    <message>
        <source>Staying within the peer role</source>
        <translation>البقاء ضمن دور القرين</translation>
    </message>
    <message>
        <source>Listening and empathy</source>
        <translation>الإصغاء والتعاطف</translation>
    </message>
    <message>
        <source>Time keeping</source>
        <translation>ضبط الوقت</translation>
    </message>
    <message>
        <source>says</source>
        <translation>كلام</translation>
    </message>
    <message>
        <source>interrupts</source>
        <translation>مقاطعة</translation>
    </message>
    <message>
        <source>stays silent</source>
        <translation>صمت</translation>
    </message>
    <message>
        <source>arrives late</source>
        <translation>وصول متأخر</translation>
    </message>
    <message>
        <source>leaves</source>
        <translation>مغادرة</translation>
    </message>
    <message>
        <source>gives medical advice</source>
        <translation>نصيحة طبية</translation>
    </message>
    <message>
        <source>discloses risk</source>
        <translation>إفصاح عن خطر</translation>
    </message>
    <message>
        <source>repeated a story outside the group</source>
        <translation>نقل قصة إلى خارج المجموعة</translation>
    </message>
    <message>
        <source>asks for private contact</source>
        <translation>طلب تواصل خاص</translation>
    </message>
    <message>
        <source>starts a conflict</source>
        <translation>بداية خلاف</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>متزن</translation>
    </message>
    <message>
        <source>guarded</source>
        <translation>متحفّظ</translation>
    </message>
    <message>
        <source>open</source>
        <translation>منفتح</translation>
    </message>
    <message>
        <source>anxious</source>
        <translation>قلِق</translation>
    </message>
    <message>
        <source>irritable</source>
        <translation>سريع الانفعال</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>لم يتحقق بعد</translation>
    </message>
    <message>
        <source>Developing</source>
        <translation>في طور النمو</translation>
    </message>
    <message>
        <source>Competent</source>
        <translation>متمكّن</translation>
    </message>
    <message>
        <source>practice mode: coach notes as you go</source>
        <translation>وضع التدريب: ملاحظات المدرّب أثناء التقدم</translation>
    </message>
    <message>
        <source>assessment mode: feedback at the end</source>
        <translation>وضع التقييم: الملاحظات في النهاية</translation>
    </message>
    <message>
        <source>PRACTICE: simulated group, nothing is recorded as real</source>
        <translation>PRACTICE تدريب: مجموعة محاكاة، ولا يُسجَّل شيء على أنه حقيقي</translation>
    </message>
    <message>
        <source>Seed {seed}</source>
        <translation>البذرة {seed}</translation>
    </message>
    <message>
        <source>Content warnings</source>
        <translation>تنبيهات المحتوى</translation>
    </message>
    <message>
        <source>The group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <source>Step {n} of {total}: {title} ({minutes})</source>
        <translation>الخطوة {n} من {total}: {title} ({minutes})</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>إشارة</translation>
    </message>
    <message>
        <source>to {code}</source>
        <translation>إلى {code}</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>قرار</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>ملاحظة المدرّب</translation>
    </message>
    <message>
        <source>You chose</source>
        <translation>اخترت</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>التعليق</translation>
    </message>
    <message>
        <source>See</source>
        <translation>انظر</translation>
    </message>
    <message>
        <source>Critical action performed</source>
        <translation>إجراء حاسم تم تنفيذه</translation>
    </message>
    <message>
        <source>The step runs {minutes} longer.</source>
        <translation>تطول الخطوة {minutes}.</translation>
    </message>
    <message>
        <source>Paused by the trainer.</source>
        <translation>أوقفه المدرّب مؤقتًا.</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>استُؤنف.</translation>
    </message>
    <message>
        <source>The practice was stopped.</source>
        <translation>أُوقف التدريب.</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>Scores per competency</source>
        <translation>الدرجات حسب الكفاءة</translation>
    </message>
    <message>
        <source>{score} of {best}</source>
        <translation>{score} من {best}</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>الأسباب</translation>
    </message>
    <message>
        <source>Critical actions</source>
        <translation>الإجراءات الحاسمة</translation>
    </message>
    <message>
        <source>done</source>
        <translation>نُفّذ</translation>
    </message>
    <message>
        <source>MISSED</source>
        <translation>فات</translation>
    </message>
    <message>
        <source>Result: {result} ({percent}% of the points available)</source>
        <translation>النتيجة: {result} ({percent}% من النقاط المتاحة)</translation>
    </message>
    <message>
        <source>The result is capped because a critical action was missed.</source>
        <translation>النتيجة محدودة لأن إجراءً حاسمًا فات.</translation>
    </message>
    <message>
        <source>Key moments</source>
        <translation>اللحظات الرئيسية</translation>
    </message>
    <message>
        <source>Strongest option</source>
        <translation>الخيار الأقوى</translation>
    </message>
    <message>
        <source>Opened the Safety steps.</source>
        <translation>فتح خطوات السلامة.</translation>
    </message>
    <message>
        <source>Rehearse the critical action you missed: {action}</source>
        <translation>تمرّن على الإجراء الحاسم الذي فاتك: {action}</translation>
    </message>
    <message>
        <source>Work on {competency}: try the scenario “{scenario}”.</source>
        <translation>اعمل على {competency}: جرّب سيناريو “{scenario}”.</translation>
    </message>
    <message>
        <source>Work on {competency}: play this scenario again.</source>
        <translation>اعمل على {competency}: العب هذا السيناريو مرة أخرى.</translation>
    </message>
    <message>
        <source>Every point was earned: try the same scenario in assessment mode, or a harder one.</source>
        <translation>حصلت على كل النقاط: جرّب السيناريو نفسه في وضع التقييم، أو سيناريو أصعب.</translation>
    </message>
    <message>
        <source>answered in {seconds} s</source>
        <translation>زمن الإجابة {seconds} ث</translation>
    </message>
    <message>
        <source>Safety step {n}: {title}</source>
        <translation>خطوة السلامة {n}: {title}</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%Ln دقيقة</numerusform>
            <numerusform>دقيقة واحدة</numerusform>
            <numerusform>دقيقتان</numerusform>
            <numerusform>%Ln دقائق</numerusform>
            <numerusform>%Ln دقيقة</numerusform>
            <numerusform>%Ln دقيقة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PracticeBanner</name>
    <message>
        <source>PRACTICE · simulated group · nothing here is a real session</source>
        <translation>تدريب — PRACTICE · مجموعة محاكاة · لا شيء هنا جلسة حقيقية</translation>
    </message>
    <message>
        <source>assessment mode: feedback at the end</source>
        <translation>وضع التقييم: الملاحظات في النهاية</translation>
    </message>
    <message>
        <source>practice mode: coach notes as you go</source>
        <translation>وضع التدريب: ملاحظات المدرّب أثناء التقدم</translation>
    </message>
</context>
<context>
    <name>PracticeHome</name>
    <message>
        <source>Practice with a simulated group</source>
        <translation>تدرّب مع مجموعة محاكاة</translation>
    </message>
    <message>
        <source>Choose a scenario. The simulated participants, their events and decision points run on a real session script; nothing here touches your groups or reports.</source>
        <translation>اختر سيناريو. يجري المشاركون المحاكَون وأحداثهم ونقاط القرار على نص جلسة حقيقي؛ ولا شيء هنا يمسّ مجموعاتك أو تقاريرك.</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>السيناريوهات</translation>
    </message>
    <message>
        <source>A name or label for the trainee</source>
        <translation>اسم أو وسم للمتدرّب</translation>
    </message>
    <message>
        <source>Practice: coach notes as you go</source>
        <translation>تدريب: ملاحظات المدرّب أثناء التقدم</translation>
    </message>
    <message>
        <source>Assessment: feedback at the end</source>
        <translation>تقييم: الملاحظات في النهاية</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>المتدرّب</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>الوضع</translation>
    </message>
    <message>
        <source>Start the practice</source>
        <translation>ابدأ التدريب</translation>
    </message>
    <message>
        <source>Import a scenario file…</source>
        <translation>استيراد ملف سيناريو…</translation>
    </message>
    <message>
        <source>Role-play kit (PDF)…</source>
        <translation>عدّة لعب الأدوار (PDF)…</translation>
    </message>
    <message>
        <source>Observer marks…</source>
        <translation>علامات المراقب…</translation>
    </message>
    <message>
        <source>Trainee history</source>
        <translation>سجل المتدرّب</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Import a scenario file</source>
        <translation>استيراد ملف سيناريو</translation>
    </message>
    <message>
        <source>Scenario files (*.yaml *.yml)</source>
        <translation>ملفات السيناريو (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Save the role-play kit</source>
        <translation>احفظ عدّة لعب الأدوار</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>حُفظ: %1</translation>
    </message>
    <message>
        <source>Scenario editor</source>
        <translation>محرّر السيناريو</translation>
    </message>
    <message>
        <source>Edit the chosen scenario (a built-in one as a copy)</source>
        <translation>حرّر السيناريو المختار (السيناريو المدمج يُحرَّر نسخةً منه)</translation>
    </message>
    <message>
        <source>Open a scenario file…</source>
        <translation>افتح ملف سيناريو…</translation>
    </message>
    <message>
        <source>Open a scenario file</source>
        <translation>فتح ملف سيناريو</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>استُورد: %1</translation>
    </message>
</context>
<context>
    <name>PracticePdf</name>
    <message>
        <source>Practice feedback</source>
        <extracomment>The competencies in their order (the keys an option's scores use). Every sentence of the practice PDFs, translated from the catalogue.</extracomment>
        <translation>ملاحظات التدريب</translation>
    </message>
    <message>
        <source>Role-play kit: persona cards</source>
        <translation>عدّة لعب الأدوار: بطاقات الشخصيات</translation>
    </message>
    <message>
        <source>Role-play kit: observer's scoring sheet</source>
        <translation>عدّة لعب الأدوار: ورقة تقييم المراقب</translation>
    </message>
    <message>
        <source>Trainee: {name}</source>
        <translation>المتدرّب: {name}</translation>
    </message>
    <message>
        <source>practice mode</source>
        <translation>وضع التدريب</translation>
    </message>
    <message>
        <source>assessment mode</source>
        <translation>وضع التقييم</translation>
    </message>
    <message>
        <source>seed {seed}</source>
        <translation>البذرة {seed}</translation>
    </message>
    <message>
        <source>1. Your reactions</source>
        <translation>١. انطباعاتك</translation>
    </message>
    <message>
        <source>How it felt: {text}</source>
        <translation>كيف شعرت: {text}</translation>
    </message>
    <message>
        <source>What went well: {text}</source>
        <translation>ما الذي نجح: {text}</translation>
    </message>
    <message>
        <source>Your own rating: {n} of 5</source>
        <translation>تقييمك لنفسك: {n} من 5</translation>
    </message>
    <message>
        <source>2. Key moments</source>
        <translation>٢. اللحظات الرئيسية</translation>
    </message>
    <message>
        <source>You chose: {text}</source>
        <translation>اخترت: {text}</translation>
    </message>
    <message>
        <source>Strongest option: {text}</source>
        <translation>الخيار الأقوى: {text}</translation>
    </message>
    <message>
        <source>This was the strongest option.</source>
        <translation>كان هذا الخيار الأقوى.</translation>
    </message>
    <message>
        <source>Feedback: {text}</source>
        <translation>التعليق: {text}</translation>
    </message>
    <message>
        <source>See: {text}</source>
        <translation>انظر: {text}</translation>
    </message>
    <message>
        <source>Trainer ({who}): {text}</source>
        <translation>المدرّب ({who}): {text}</translation>
    </message>
    <message>
        <source>Safety steps opened at {times}.</source>
        <translation>فُتحت خطوات السلامة عند {times}.</translation>
    </message>
    <message>
        <source>The Safety steps were not opened.</source>
        <translation>لم تُفتح خطوات السلامة.</translation>
    </message>
    <message>
        <source>3. Scores per competency</source>
        <translation>٣. الدرجات حسب الكفاءة</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>الكفاءة</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>الدرجة</translation>
    </message>
    <message>
        <source>Possible</source>
        <translation>الممكن</translation>
    </message>
    <message>
        <source>{name}: changed to {score} by {who}: {reason}</source>
        <translation>{name}: عُدّلت إلى {score} بواسطة {who}: {reason}</translation>
    </message>
    <message>
        <source>Why each point</source>
        <translation>سبب كل نقطة</translation>
    </message>
    <message>
        <source>Critical actions</source>
        <translation>الإجراءات الحاسمة</translation>
    </message>
    <message>
        <source>done</source>
        <translation>نُفّذ</translation>
    </message>
    <message>
        <source>MISSED</source>
        <translation>فات</translation>
    </message>
    <message>
        <source>4. What to practise next</source>
        <translation>٤. ما تتمرّن عليه بعد ذلك</translation>
    </message>
    <message>
        <source>Practice only: a simulated group. Not a record of any real session.</source>
        <translation>للتدريب فقط: مجموعة محاكاة. ليس سجلًا لأي جلسة حقيقية.</translation>
    </message>
    <message>
        <source>Participant {code}</source>
        <translation>المشارك {code}</translation>
    </message>
    <message>
        <source>Who you are</source>
        <translation>من أنت</translation>
    </message>
    <message>
        <source>How you tend to act</source>
        <translation>كيف تتصرف عادة</translation>
    </message>
    <message>
        <source>Your cues (say or do this when the trainer signals)</source>
        <translation>إشاراتك (قلها أو افعلها عندما يشير المدرّب)</translation>
    </message>
    <message>
        <source>during “{step}”</source>
        <translation>خلال «{step}»</translation>
    </message>
    <message>
        <source>at minute {m}</source>
        <translation>عند الدقيقة {m}</translation>
    </message>
    <message>
        <source>when it fits the moment</source>
        <translation>عندما يناسب الموقف</translation>
    </message>
    <message>
        <source>Play the person, never a real member you know. Stop at once if you or the trainee need to step out.</source>
        <translation>أدِّ الشخصية، لا عضوًا حقيقيًا تعرفه. توقّف فورًا إذا احتجت أنت أو المتدرّب إلى الخروج من الدور.</translation>
    </message>
    <message>
        <source>Tick the one option closest to what the trainee did at each decision point; leave a decision blank if it never came up. Type the ticks into the app afterwards (Practice &gt; Observer marks).</source>
        <translation>ضع علامة على الخيار الأقرب لما فعله المتدرّب عند كل نقطة قرار؛ واترك القرار فارغًا إن لم يحدث. أدخل العلامات في التطبيق بعد ذلك (التدريب &gt; علامات المراقب).</translation>
    </message>
    <message>
        <source>Observer: ______________   Trainee: ______________   Date: ________</source>
        <translation>المراقب: ______________   المتدرّب: ______________   التاريخ: ________</translation>
    </message>
    <message>
        <source>Tick</source>
        <translation>علامة</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>الخيار</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>النقاط</translation>
    </message>
    <message>
        <source>safety-critical</source>
        <translation>حاسم للسلامة</translation>
    </message>
</context>
<context>
    <name>PracticeSafetyDialog</name>
    <message>
        <source>Safety (practice)</source>
        <translation>السلامة (تدريب)</translation>
    </message>
    <message>
        <source>Crisis steps</source>
        <translation>خطوات الأزمة</translation>
    </message>
    <message>
        <source>In a real session you would also record the incident here. In practice nothing is recorded as real; the time you opened these steps goes into your debrief.</source>
        <translation>في جلسة حقيقية كنت ستسجّل الحادثة هنا أيضًا. في التدريب لا يُسجَّل شيء على أنه حقيقي؛ ووقت فتحك لهذه الخطوات يدخل في مراجعتك.</translation>
    </message>
</context>
<context>
    <name>PracticeView</name>
    <message>
        <source>Pause  [P]</source>
        <translation>إيقاف مؤقت  [P]</translation>
    </message>
    <message>
        <source>Event to bring in now</source>
        <translation>حدث يُدخَل الآن</translation>
    </message>
    <message>
        <source>Inject now  [I]</source>
        <translation>أدخِله الآن  [I]</translation>
    </message>
    <message>
        <source>Step out  [O]</source>
        <translation>اخرج من الدور  [O]</translation>
    </message>
    <message>
        <source>Pause and take a moment; nothing is lost.</source>
        <translation>توقف وخذ لحظة؛ لا يضيع شيء.</translation>
    </message>
    <message>
        <source>Safety  [F1]</source>
        <translation>السلامة  [F1]</translation>
    </message>
    <message>
        <source>Trainer:</source>
        <translation>المدرّب:</translation>
    </message>
    <message>
        <source>Simulated participants</source>
        <translation>المشاركون المحاكَون</translation>
    </message>
    <message>
        <source>Present (simulated)</source>
        <translation>الحاضرون (محاكاة)</translation>
    </message>
    <message>
        <source>Next step  [N]</source>
        <translation>الخطوة التالية  [N]</translation>
    </message>
    <message>
        <source>In the room</source>
        <translation>في الغرفة</translation>
    </message>
    <message>
        <source>You stepped out. Take your time.</source>
        <translation>خرجت من الدور. خذ وقتك.</translation>
    </message>
    <message>
        <source>Feet flat on the floor. Breathe in slowly for four, out for six, three times.
Name five things you can see, four you can hear, three you can touch.
This was a practice: the people are not real, and nothing here is lost.
Talk to your trainer if something in the scenario touched you; you can stop at any time.</source>
        <translation>ضع قدميك على الأرض. خذ نفسًا بطيئًا وأنت تعدّ إلى أربعة، وأخرجه وأنت تعدّ إلى ستة، ثلاث مرات.
سمِّ خمسة أشياء تراها، وأربعة تسمعها، وثلاثة تلمسها.
هذا تدريب: الأشخاص ليسوا حقيقيين، ولا يضيع شيء هنا.
تحدّث إلى مدرّبك إن لمسك شيء في السيناريو؛ ويمكنك التوقف في أي وقت.</translation>
    </message>
    <message>
        <source>I am ready to go back in</source>
        <translation>أنا مستعد للعودة</translation>
    </message>
    <message>
        <source>Stop this practice</source>
        <translation>أوقف هذا التدريب</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>التعليق</translation>
    </message>
    <message>
        <source>See: %1</source>
        <translation>انظر: %1</translation>
    </message>
    <message>
        <source>Your choice is recorded; feedback comes in the debrief.</source>
        <translation>سُجّل اختيارك؛ تأتي الملاحظات في المراجعة.</translation>
    </message>
    <message>
        <source>This step now runs %1 longer, so its countdown goes up.</source>
        <translation>صارت هذه الخطوة أطول بـ%1، لذلك يزيد عدّها التنازلي.</translation>
    </message>
    <message>
        <source>Answer the decision first.</source>
        <translation>أجب عن القرار أولًا.</translation>
    </message>
    <message>
        <source>Decision: choose with %1 to %2 or a click.</source>
        <translation>قرار: اختر بالمفاتيح من %1 إلى %2 أو بنقرة.</translation>
    </message>
    <message>
        <source>Finish  [N]</source>
        <translation>إنهاء  [N]</translation>
    </message>
    <message>
        <source>Resume  [P]</source>
        <translation>استئناف  [P]</translation>
    </message>
    <message>
        <source>Paused by the trainer.</source>
        <translation>أوقفه المدرّب مؤقتًا.</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>Facilitator: presenter view</source>
        <translation>الميسّر: شاشة العرض</translation>
    </message>
    <message>
        <source>Presenter view</source>
        <translation>شاشة العرض</translation>
    </message>
    <message>
        <source>Thank you for coming</source>
        <translation>شكرًا لحضوركم</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>متوقف مؤقتًا</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Report preview</source>
        <translation>معاينة التقرير</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>حفظ التقرير</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ProgramType</name>
    <message>
        <source>Mutual support</source>
        <translation>دعم متبادل</translation>
    </message>
    <message>
        <source>Grief and loss</source>
        <translation>الفقد والحزن</translation>
    </message>
    <message>
        <source>Anxiety skills</source>
        <translation>مهارات التعامل مع القلق</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>التعافي</translation>
    </message>
    <message>
        <source>Living with a long-term illness</source>
        <translation>العيش مع مرض مزمن</translation>
    </message>
    <message>
        <source>First responders</source>
        <translation>المستجيبون الأوائل</translation>
    </message>
    <message>
        <source>Trauma survivors</source>
        <translation>الناجون من الصدمات</translation>
    </message>
    <message>
        <source>Veterans and families</source>
        <translation>المحاربون القدامى وعائلاتهم</translation>
    </message>
    <message>
        <source>School peer listening</source>
        <translation>الإصغاء بين الأقران في المدرسة</translation>
    </message>
    <message>
        <source>Peer mediation</source>
        <translation>الوساطة بين الأقران</translation>
    </message>
    <message>
        <source>Caregivers</source>
        <translation>مقدّمو الرعاية</translation>
    </message>
    <message>
        <source>General</source>
        <translation>عام</translation>
    </message>
</context>
<context>
    <name>ProtectPage</name>
    <message>
        <source>Protect your records</source>
        <translation>احمِ سجلاتك</translation>
    </message>
    <message>
        <source>Everything is kept encrypted on this computer.</source>
        <translation>يُحفظ كل شيء مشفّرًا على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The key will be kept in this computer's system keyring, so the app opens without typing anything while you are logged in. On a shared computer, also set a passphrase.</source>
        <translation>سيُحفظ المفتاح في سلسلة مفاتيح النظام على هذا الحاسوب، فيفتح التطبيق دون كتابة شيء ما دمت مسجّل الدخول. إن كان الحاسوب مشتركًا، فعيّن عبارة مرور أيضًا.</translation>
    </message>
    <message>
        <source>This computer has no system keyring, so the store needs a passphrase. Choose one you can remember; you will type it each time you open the app.</source>
        <translation>لا توجد سلسلة مفاتيح للنظام على هذا الحاسوب، لذلك يحتاج المخزن إلى عبارة مرور. اختر عبارة تتذكرها؛ ستكتبها في كل مرة تفتح فيها التطبيق.</translation>
    </message>
    <message>
        <source>Also use a &amp;passphrase</source>
        <translation>استخدم عبارة مرور أيضًا (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>عبارة المرور (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Type it again</source>
        <translation>اكتبها مرة أخرى (&amp;T)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>عبارة المرور مرة أخرى</translation>
    </message>
    <message>
        <source>At least %1 characters. A short sentence is easier to remember than a jumble of symbols.</source>
        <translation>%1 أحرف على الأقل. الجملة القصيرة أسهل في التذكر من خليط من الرموز.</translation>
    </message>
    <message>
        <source>&amp;Create the store</source>
        <translation>إنشاء المخزن (&amp;C)</translation>
    </message>
    <message>
        <source>The passphrase is too short.</source>
        <translation>عبارة المرور قصيرة جدًا.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>عبارتا المرور غير متطابقتين.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>نعم (&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>لا (&amp;N)</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Your recovery code</source>
        <translation>رمز الاسترداد الخاص بك</translation>
    </message>
    <message>
        <source>It is shown only this once.</source>
        <translation>يظهر هذه المرة فقط.</translation>
    </message>
    <message>
        <source>If the passphrase is forgotten or this computer's keyring is lost, this code is the only way back into your records. Write it on paper, or save the recovery kit and print it. Keep it somewhere safe, away from this computer.</source>
        <translation>إذا نُسيت عبارة المرور أو ضاعت سلسلة مفاتيح هذا الحاسوب، فهذا الرمز هو الطريق الوحيد للعودة إلى سجلاتك. اكتبه على ورقة، أو احفظ ملف الاسترداد واطبعه. احتفظ به في مكان آمن بعيدًا عن هذا الحاسوب.</translation>
    </message>
    <message>
        <source>&amp;Save the recovery kit (PDF)…</source>
        <translation>حفظ ملف الاسترداد (PDF) (&amp;S)…</translation>
    </message>
    <message>
        <source>Save the recovery kit as a PDF</source>
        <translation>حفظ ملف الاسترداد بصيغة PDF</translation>
    </message>
    <message>
        <source>I have &amp;written it down or saved the kit</source>
        <translation>كتبتُه أو حفظتُ ملف الاسترداد (&amp;W)</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>رمز الاسترداد</translation>
    </message>
    <message>
        <source>Save the recovery kit</source>
        <translation>حفظ ملف الاسترداد</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF ‏(*.pdf)</translation>
    </message>
    <message>
        <source>Saving the recovery kit</source>
        <translation>جارٍ حفظ ملف الاسترداد</translation>
    </message>
    <message>
        <source>Saved to %1. Print it, then delete the file.</source>
        <translation>حُفظ في %1. اطبعه ثم احذف الملف.</translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <source>Replay from its seed</source>
        <translation>إعادة التشغيل من البذرة</translation>
    </message>
    <message>
        <source>Played again from its seed and inputs: the same as the stored transcript.</source>
        <translation>أُعيد تشغيله من بذرته ومدخلاته: مطابق للسجل المحفوظ.</translation>
    </message>
    <message>
        <source>Played again from its seed and inputs: it differs from the stored transcript.</source>
        <translation>أُعيد تشغيله من بذرته ومدخلاته: يختلف عن السجل المحفوظ.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Write a report</source>
        <translation>إعداد تقرير</translation>
    </message>
    <message>
        <source>Which report</source>
        <translation>أي تقرير</translation>
    </message>
    <message>
        <source>Group report: %1</source>
        <translation>تقرير المجموعة: %1</translation>
    </message>
    <message>
        <source>Program report: all groups</source>
        <translation>تقرير البرنامج: كل المجموعات</translation>
    </message>
    <message>
        <source>Program report for outside the programme</source>
        <translation>تقرير البرنامج لجهات من خارجه</translation>
    </message>
    <message>
        <source>Whole history</source>
        <translation>كامل السجل</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>لغة التقرير</translation>
    </message>
    <message>
        <source>Smallest count shown</source>
        <translation>أصغر عدد يُعرض</translation>
    </message>
    <message>
        <source>Password, optional</source>
        <translation>كلمة المرور، اختيارية</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>كلمة المرور مرة أخرى</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>التقرير (&amp;R)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>اللغة (&amp;L)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>كلمة المرور (&amp;W)</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>كلمة المرور مرة أخرى (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>حفظ PDF (&amp;S)…</translation>
    </message>
    <message>
        <source>Save the report as a PDF</source>
        <translation>حفظ التقرير ملف PDF</translation>
    </message>
    <message>
        <source>For readers outside the programme the smallest count is at least %1.</source>
        <translation>للقرّاء من خارج البرنامج لا يقلّ أصغر عدد يُعرض عن %1.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>كلمتا المرور غير متطابقتين.</translation>
    </message>
    <message>
        <source>Use a password of at least %1 characters, or none.</source>
        <translation>استخدم كلمة مرور من %1 أحرف على الأقل، أو اتركها فارغة.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>حفظ التقرير</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>حُفظ التقرير</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>جارٍ إعداد التقرير…</translation>
    </message>
    <message>
        <source>Smallest &amp;count shown</source>
        <translation>أصغر عدد يُعرض (&amp;C)</translation>
    </message>
    <message>
        <source>First month</source>
        <translation>الشهر الأول</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>الشهر الأخير</translation>
    </message>
    <message>
        <source>Whole calendar months. The number of different people, age bands and genders are shown for a calendar quarter or a calendar year only.</source>
        <translation>أشهر تقويمية كاملة. يُعرض عدد الأشخاص المختلفين والفئات العمرية والجنس لربع سنة تقويمي أو سنة تقويمية فقط.</translation>
    </message>
    <message>
        <source>Reports hold no codes, aliases, notes or individual scores. Counts below the smallest count, and any count that would let one be worked out, are shown as "x"; small averages are withheld.</source>
        <translation>لا تحتوي التقارير على رموز أو أسماء مستعارة أو ملاحظات أو درجات فردية. تظهر الأعداد الأصغر من أصغر عدد معروض، وكل عدد قد يسمح باستنتاج أحدها، على شكل "x"؛ وتُحجب المتوسطات المبنية على أعداد صغيرة.</translation>
    </message>
    <message>
        <source>Counts from 1 to %1 are hidden (shown as "x").</source>
        <translation>تُخفى الأعداد من ١ إلى %1 (تظهر على شكل "x").</translation>
    </message>
    <message>
        <source>The first month is after the last month.</source>
        <translation>الشهر الأول بعد الشهر الأخير.</translation>
    </message>
    <message>
        <source>No sessions in this period</source>
        <translation>لا جلسات في هذه الفترة</translation>
    </message>
    <message>
        <source>No sessions were held in the months chosen, so the report would be empty. Save it anyway?</source>
        <translation>لم تُعقد أي جلسات في الأشهر المختارة، فسيكون التقرير فارغًا. أتحفظه مع ذلك؟</translation>
    </message>
    <message>
        <source>The report was saved in this file:</source>
        <translation>حُفظ التقرير في هذا الملف:</translation>
    </message>
    <message>
        <source>Optional: protects the PDF %1</source>
        <translation>اختيارية: تحمي ملف PDF %1</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>All types</source>
        <translation>كل الأنواع</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <source>Refresh  [F5]</source>
        <translation>تحديث  [F5]</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>الموعد</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>الخطر</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>استلام</translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation>تعليق…</translation>
    </message>
    <message>
        <source>Ask for information…</source>
        <translation>طلب معلومات…</translation>
    </message>
    <message>
        <source>Sign off…</source>
        <translation>اعتماد…</translation>
    </message>
    <message>
        <source>Close without action…</source>
        <translation>إغلاق دون إجراء…</translation>
    </message>
    <message>
        <source>Approve as second person…</source>
        <translation>الموافقة بصفتك الشخص الثاني…</translation>
    </message>
    <message>
        <source>risk to life</source>
        <translation>خطر على الحياة</translation>
    </message>
    <message>
        <source>Nothing to review.</source>
        <translation>لا شيء للمراجعة.</translation>
    </message>
    <message>
        <source>Follows an item signed earlier; its records changed.</source>
        <translation>يتبع بندًا اعتُمد سابقًا؛ تغيّرت سجلاته.</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>تعليق</translation>
    </message>
    <message>
        <source>Signed by {by} on {at}; signature {hash}</source>
        <translation>اعتمده {by} في {at}؛ البصمة {hash}</translation>
    </message>
    <message>
        <source>Waiting for a second person to approve.</source>
        <translation>بانتظار موافقة شخص ثانٍ.</translation>
    </message>
    <message>
        <source>Incident type</source>
        <translation>نوع الحادثة</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>الشدة</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>المتابعة</translation>
    </message>
    <message>
        <source>Safety opened</source>
        <translation>مرات فتح السلامة</translation>
    </message>
    <message>
        <source>Incidents recorded</source>
        <translation>الحوادث المسجلة</translation>
    </message>
    <message>
        <source>Mandatory steps not done</source>
        <translation>خطوات إلزامية لم تُنفّذ</translation>
    </message>
    <message>
        <source>Ground rules not agreed</source>
        <translation>لم يُتفق على القواعد</translation>
    </message>
    <message>
        <source>Minutes over plan</source>
        <translation>دقائق فوق المخطط</translation>
    </message>
    <message>
        <source>Phases missing</source>
        <translation>مراحل ناقصة</translation>
    </message>
    <message>
        <source>Sessions compared</source>
        <translation>الجلسات المقارنة</translation>
    </message>
    <message>
        <source>Mean before</source>
        <translation>المتوسط قبل</translation>
    </message>
    <message>
        <source>Mean after</source>
        <translation>المتوسط بعد</translation>
    </message>
    <message>
        <source>Fall (%)</source>
        <translation>الانخفاض (%)</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>آخر جلسة</translation>
    </message>
    <message>
        <source>Days set</source>
        <translation>الأيام المحددة</translation>
    </message>
    <message>
        <source>open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <source>done</source>
        <translation>تمت</translation>
    </message>
    <message>
        <source>none needed</source>
        <translation>لا حاجة</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>Second person needed</source>
        <translation>يلزم شخص ثانٍ</translation>
    </message>
    <message>
        <source>This item is about a risk to life. A second supervisor must approve it (Approve as second person, Ctrl+Shift+A).</source>
        <translation>هذا البند يتعلق بخطر على الحياة. يجب أن يوافق عليه مشرف ثانٍ (الموافقة بصفتك الشخص الثاني، Ctrl+Shift+A).</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>تعليق</translation>
    </message>
    <message>
        <source>Your comment:</source>
        <translation>تعليقك:</translation>
    </message>
    <message>
        <source>Ask for information</source>
        <translation>طلب معلومات</translation>
    </message>
    <message>
        <source>What should the facilitator tell you?</source>
        <translation>ما الذي تريد أن يخبرك به الميسّر؟</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>اعتماد</translation>
    </message>
    <message>
        <source>Comment (optional):</source>
        <translation>تعليق (اختياري):</translation>
    </message>
    <message>
        <source>Close without action</source>
        <translation>إغلاق دون إجراء</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>السبب (مطلوب):</translation>
    </message>
    <message>
        <source>This item is not waiting for approval.</source>
        <translation>هذا البند لا ينتظر موافقة.</translation>
    </message>
    <message>
        <source>Trainer review</source>
        <translation>مراجعة المدرّب</translation>
    </message>
    <message>
        <source>Your name (trainer):</source>
        <translation>اسمك (المدرّب):</translation>
    </message>
    <message>
        <source>Replay from its seed</source>
        <translation>إعادة التشغيل من البذرة</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Trainee's reactions: %1 (self-rating %2 of %3)</source>
        <translation>انطباعات المتدرّب: %1 (تقييمه لنفسه %2 من %3)</translation>
    </message>
    <message>
        <source>Moments</source>
        <translation>اللحظات</translation>
    </message>
    <message>
        <source>Chose: %1</source>
        <translation>اختار: %1</translation>
    </message>
    <message>
        <source>Strongest: %1</source>
        <translation>الأقوى: %1</translation>
    </message>
    <message>
        <source>Comment on this moment</source>
        <translation>علّق على هذه اللحظة</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>أضف تعليقًا</translation>
    </message>
    <message>
        <source>Change a score</source>
        <translation>تعديل درجة</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>الكفاءة</translation>
    </message>
    <message>
        <source>New score</source>
        <translation>الدرجة الجديدة</translation>
    </message>
    <message>
        <source>Reason (kept with the change)</source>
        <translation>السبب (يُحفظ مع التعديل)</translation>
    </message>
    <message>
        <source>Change the score</source>
        <translation>عدّل الدرجة</translation>
    </message>
    <message>
        <source>Your rating (blind: others' ratings show once you have rated)</source>
        <translation>تقييمك (أعمى: تظهر تقييمات الآخرين بعد أن تقيّم)</translation>
    </message>
    <message>
        <source>Global result</source>
        <translation>النتيجة العامة</translation>
    </message>
    <message>
        <source>Submit my rating</source>
        <translation>أرسل تقييمي</translation>
    </message>
    <message>
        <source>Choose a level</source>
        <translation>اختر مستوى</translation>
    </message>
    <message>
        <source>Comment saved.</source>
        <translation>حُفظ التعليق.</translation>
    </message>
    <message>
        <source>Score changed; the reason is kept with it.</source>
        <translation>عُدّلت الدرجة؛ وحُفظ السبب معها.</translation>
    </message>
    <message>
        <source>Choose a level for every competency and the global result.</source>
        <translation>اختر مستوى لكل كفاءة وللنتيجة العامة.</translation>
    </message>
    <message>
        <source>Other trainers' ratings stay hidden until you submit yours.</source>
        <translation>تبقى تقييمات المدرّبين الآخرين مخفية حتى ترسل تقييمك.</translation>
    </message>
    <message numerus="yes">
        <source>Agreement with %1 on this attempt: %2 of %n competencies</source>
        <translation>
            <numerusform>الاتفاق مع %1 في هذه المحاولة: %2، ولا كفاءات مشتركة</numerusform>
            <numerusform>الاتفاق مع %1 في هذه المحاولة: %2 من كفاءة واحدة</numerusform>
            <numerusform>الاتفاق مع %1 في هذه المحاولة: %2 من كفاءتين</numerusform>
            <numerusform>الاتفاق مع %1 في هذه المحاولة: %2 من %Ln كفاءات</numerusform>
            <numerusform>الاتفاق مع %1 في هذه المحاولة: %2 من %Ln كفاءة</numerusform>
            <numerusform>الاتفاق مع %1 في هذه المحاولة: %2 من %Ln كفاءة</numerusform>
        </translation>
    </message>
    <message>
        <source>Cohen's kappa %1</source>
        <translation>معامل كابا لكوهين %1</translation>
    </message>
    <message numerus="yes">
        <source>Cohen's kappa needs %n attempt(s) rated by both</source>
        <translation>
            <numerusform>لا يُحسب معامل كابا لكوهين بعد</numerusform>
            <numerusform>لا يُحسب معامل كابا لكوهين قبل محاولة واحدة قيّمها المدرّبان كلاهما</numerusform>
            <numerusform>لا يُحسب معامل كابا لكوهين قبل محاولتين قيّمهما المدرّبان كلاهما</numerusform>
            <numerusform>لا يُحسب معامل كابا لكوهين قبل %Ln محاولات قيّمها المدرّبان كلاهما</numerusform>
            <numerusform>لا يُحسب معامل كابا لكوهين قبل %Ln محاولة قيّمها المدرّبان كلاهما</numerusform>
            <numerusform>لا يُحسب معامل كابا لكوهين قبل %Ln محاولة قيّمها المدرّبان كلاهما</numerusform>
        </translation>
    </message>
    <message>
        <source>Cohen's kappa cannot be computed for these ratings</source>
        <translation>لا يمكن حساب معامل كابا لكوهين لهذه التقييمات</translation>
    </message>
    <message numerus="yes">
        <source>%1 over %n attempt(s): %2 agreement; %3</source>
        <translation>
            <numerusform>%1 دون محاولات: اتفاق %2؛ %3</numerusform>
            <numerusform>%1 في محاولة واحدة: اتفاق %2؛ %3</numerusform>
            <numerusform>%1 في محاولتين: اتفاق %2؛ %3</numerusform>
            <numerusform>%1 في %Ln محاولات: اتفاق %2؛ %3</numerusform>
            <numerusform>%1 في %Ln محاولة: اتفاق %2؛ %3</numerusform>
            <numerusform>%1 في %Ln محاولة: اتفاق %2؛ %3</numerusform>
        </translation>
    </message>
    <message>
        <source>group</source>
        <translation>مجموعة</translation>
    </message>
    <message>
        <source>session</source>
        <translation>جلسة</translation>
    </message>
    <message>
        <source>participant code</source>
        <translation>رمز مشارك</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>حضور</translation>
    </message>
    <message>
        <source>score</source>
        <translation>درجة</translation>
    </message>
    <message>
        <source>incident</source>
        <translation>حادثة</translation>
    </message>
    <message>
        <source>note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>measure</source>
        <translation>مقياس</translation>
    </message>
    <message>
        <source>ground rules</source>
        <translation>القواعد الأساسية</translation>
    </message>
    <message>
        <source>%1 %2 arrived from %3 with other content: %4</source>
        <translation>%1 %2 وصل من %3 بمحتوى آخر: %4</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <source>Kept here</source>
        <translation>المحفوظة هنا</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>التي وصلت</translation>
    </message>
    <message>
        <source>Sign off to choose the version; closing keeps the one here.</source>
        <translation>اعتمد البند لتختار النسخة؛ الإغلاق يُبقي النسخة الموجودة هنا.</translation>
    </message>
    <message>
        <source>Keep the version here</source>
        <translation>إبقاء النسخة الموجودة هنا</translation>
    </message>
    <message>
        <source>Take the version that arrived</source>
        <translation>أخذ النسخة التي وصلت</translation>
    </message>
    <message>
        <source>Two versions of a record</source>
        <translation>نسختان من سجلّ</translation>
    </message>
    <message>
        <source>Which version stays?</source>
        <translation>أيّ النسختين تبقى؟</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>الحالة: %1</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation>المجموعة: %1</translation>
    </message>
    <message>
        <source>Facilitator: %1</source>
        <translation>الميسّر: %1</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>الموعد: %1</translation>
    </message>
</context>
<context>
    <name>RoundPanel</name>
    <message>
        <source>Start the round</source>
        <translation>ابدأ الجولة</translation>
    </message>
    <message>
        <source>Next speaker  [N]</source>
        <translation>المتحدث التالي  [N]</translation>
    </message>
    <message>
        <source>Next speaker</source>
        <translation>المتحدث التالي</translation>
    </message>
    <message>
        <source>Pass  [X]</source>
        <translation>تخطٍّ  [X]</translation>
    </message>
    <message>
        <source>This person passes</source>
        <translation>هذا الشخص يفضّل عدم المشاركة</translation>
    </message>
    <message>
        <source>Pass, come back later</source>
        <translation>تخطٍّ، والعودة إليه لاحقًا</translation>
    </message>
    <message>
        <source>End the round</source>
        <translation>أنهِ الجولة</translation>
    </message>
    <message>
        <source>Round: %1 min per speaker</source>
        <translation>جولة: %1 دقيقة لكل متحدث</translation>
    </message>
    <message>
        <source>Mark who is here, then start the round.</source>
        <translation>سجّل الحاضرين، ثم ابدأ الجولة.</translation>
    </message>
    <message>
        <source>Speaking: %1</source>
        <translation>يتحدث الآن: %1</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>لا أحد</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>التالي: %1</translation>
    </message>
    <message>
        <source>The round is over.</source>
        <translation>انتهت الجولة.</translation>
    </message>
    <message>
        <source>Passed: %1</source>
        <translation>تخطّوا: %1</translation>
    </message>
    <message>
        <source>Talking time is uneven: invite the quieter voices.</source>
        <translation>وقت الحديث غير متوازن: ادعُ الأصوات الأهدأ إلى المشاركة.</translation>
    </message>
    <message>
        <source>Talking time of %1</source>
        <translation>وقت حديث %1</translation>
    </message>
    <message>
        <source>Round: %1 per speaker</source>
        <translation>جولة: %1 لكل متحدث</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <source>Our ground rules</source>
        <translation>قواعدنا المتفق عليها</translation>
    </message>
    <message>
        <source>The group agreed</source>
        <translation>وافقت المجموعة</translation>
    </message>
    <message>
        <source>Record that the group agreed to these rules</source>
        <translation>سجّل أن المجموعة وافقت على هذه القواعد</translation>
    </message>
    <message>
        <source>✓ Agreement recorded</source>
        <translation>✓ سُجّلت الموافقة</translation>
    </message>
</context>
<context>
    <name>RunEngine</name>
    <message>
        <source>The script has no steps to run.</source>
        <translation>لا توجد في هذا البرنامج خطوات لتشغيلها.</translation>
    </message>
    <message>
        <source>The session has not started yet.</source>
        <translation>لم تبدأ الجلسة بعد.</translation>
    </message>
    <message>
        <source>The session is already running.</source>
        <translation>الجلسة جارية بالفعل.</translation>
    </message>
    <message>
        <source>The session is paused; resume it first.</source>
        <translation>الجلسة متوقفة مؤقتًا؛ استأنفها أولًا.</translation>
    </message>
    <message>
        <source>The session has already finished.</source>
        <translation>انتهت الجلسة بالفعل.</translation>
    </message>
    <message>
        <source>The session was abandoned.</source>
        <translation>أُلغيت الجلسة.</translation>
    </message>
    <message>
        <source>This is the last step: finish the session.</source>
        <translation>هذه هي الخطوة الأخيرة: أنهِ الجلسة.</translation>
    </message>
    <message>
        <source>This is the first step.</source>
        <translation>هذه هي الخطوة الأولى.</translation>
    </message>
    <message>
        <source>That is already the current step.</source>
        <translation>هذه هي الخطوة الحالية أصلًا.</translation>
    </message>
    <message>
        <source>Give a reason for skipping the step.</source>
        <translation>اذكر سببًا لتخطي الخطوة.</translation>
    </message>
    <message>
        <source>Only the current or a later step can be skipped.</source>
        <translation>يمكن تخطي الخطوة الحالية أو خطوة لاحقة فقط.</translation>
    </message>
    <message>
        <source>That step is already skipped.</source>
        <translation>هذه الخطوة متخطّاة بالفعل.</translation>
    </message>
    <message>
        <source>Only a later step can be shortened.</source>
        <translation>يمكن تقصير خطوة لاحقة فقط.</translation>
    </message>
    <message>
        <source>A round needs at least one participant.</source>
        <translation>تحتاج جولة الحديث إلى مشارك واحد على الأقل.</translation>
    </message>
    <message>
        <source>A participant is listed twice in the round.</source>
        <translation>أحد المشاركين مذكور مرتين في الجولة.</translation>
    </message>
    <message>
        <source>A round is already going on this step.</source>
        <translation>هناك جولة جارية بالفعل في هذه الخطوة.</translation>
    </message>
    <message>
        <source>No round is going on this step.</source>
        <translation>لا توجد جولة جارية في هذه الخطوة.</translation>
    </message>
    <message>
        <source>The session log is out of order at entry {seq}.</source>
        <translation>ترتيب سجل الجلسة مختل عند القيد {seq}.</translation>
    </message>
    <message>
        <source>The session log is damaged at entry {seq}.</source>
        <translation>سجل الجلسة تالف عند القيد {seq}.</translation>
    </message>
    <message>
        <source>The session log does not match this script at entry {seq}: step '{step_id}' is not step {step_index} of the script.</source>
        <translation>سجل الجلسة لا يطابق هذا النص عند القيد {seq}: الخطوة '{step_id}' ليست الخطوة {step_index} في النص.</translation>
    </message>
    <message>
        <source>The session log does not match this script at entry {seq}: the skipped step '{step}' is not step {target}.</source>
        <translation>سجل الجلسة لا يطابق هذا النص عند القيد {seq}: الخطوة المتخطاة '{step}' ليست الخطوة {target}.</translation>
    </message>
    <message>
        <source>There is no step {index}; the script has {n} steps.</source>
        <translation>لا توجد خطوة رقم {index}؛ عدد خطوات النص {n}.</translation>
    </message>
    <message>
        <source>Extend by more than 0 and at most {max_extend_minutes} minutes.</source>
        <translation>اجعل التمديد أكثر من صفر ولا يزيد على {max_extend_minutes} بالدقائق.</translation>
    </message>
    <message>
        <source>'{id}' is mandatory and cannot be shortened.</source>
        <translation>الخطوة '{id}' إلزامية ولا يمكن تقصيرها.</translation>
    </message>
    <message>
        <source>'{id}' cannot be shorter than {floor_minutes} minutes.</source>
        <translation>لا يمكن أن تقل مدة الخطوة '{id}' عن {floor_minutes} بالدقائق.</translation>
    </message>
    <message>
        <source>'{start}' is not in this round.</source>
        <translation>'{start}' ليس في هذه الجولة.</translation>
    </message>
</context>
<context>
    <name>RunView</name>
    <message>
        <source>How many</source>
        <translation>العدد</translation>
    </message>
    <message>
        <source>No-notes mode: nothing is written down in this session.</source>
        <translation>وضع بلا ملاحظات: لا يُكتب شيء في هذه الجلسة.</translation>
    </message>
    <message>
        <source>Session notes (anonymous: codes, never names)</source>
        <translation>ملاحظات الجلسة (مجهولة الهوية: رموز، لا أسماء أبدًا)</translation>
    </message>
    <message>
        <source>That could not be saved. Please try again.</source>
        <translation>تعذّر الحفظ. حاول مرة أخرى من فضلك.</translation>
    </message>
    <message>
        <source>Newcomer added with the code %1.</source>
        <translation>أُضيف القادم الجديد بالرمز %1.</translation>
    </message>
    <message>
        <source>Who is here (%1)</source>
        <translation>الحاضرون (%1)</translation>
    </message>
    <message>
        <source>That could not be saved, so it did not happen. Please try again.</source>
        <translation>تعذّر الحفظ، لذلك لم يُنفَّذ الإجراء. حاول مرة أخرى من فضلك.</translation>
    </message>
    <message>
        <source>This is the last step: press Finish when you are ready.</source>
        <translation>هذه هي الخطوة الأخيرة: اضغط «إنهاء» عندما تكون مستعدًا.</translation>
    </message>
    <message>
        <source>%1 minutes added to this step.</source>
        <translation>أُضيفت %1 دقيقة إلى هذه الخطوة.</translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation>تخطّي هذه الخطوة</translation>
    </message>
    <message>
        <source>Why skip it? (kept in the session record)</source>
        <translation>لماذا تتخطاها؟ (يُحفظ في سجل الجلسة)</translation>
    </message>
    <message>
        <source>Running out of time</source>
        <translation>الوقت يوشك أن ينفد</translation>
    </message>
    <message>
        <source>Not right for the group today</source>
        <translation>غير مناسبة للمجموعة اليوم</translation>
    </message>
    <message>
        <source>Already covered</source>
        <translation>تناولناها من قبل</translation>
    </message>
    <message>
        <source>Mark who is here first: a round needs people.</source>
        <translation>سجّل الحاضرين أولًا: الجولة تحتاج إلى مشاركين.</translation>
    </message>
    <message>
        <source>Later steps shortened as suggested.</source>
        <translation>قُصّرت الخطوات اللاحقة كما اقتُرح.</translation>
    </message>
    <message>
        <source>Steps of the plan still ahead: %1. Finish the session now?</source>
        <translation>خطوات الخطة المتبقية: %1. هل تُنهي الجلسة الآن؟</translation>
    </message>
    <message>
        <source>Presenter view  [F5]</source>
        <translation>شاشة العرض  [F5]</translation>
    </message>
    <message>
        <source>Leave (resume later)</source>
        <translation>مغادرة (المتابعة لاحقًا)</translation>
    </message>
    <message>
        <source>Safety  [F1]</source>
        <translation>السلامة  [F1]</translation>
    </message>
    <message>
        <source>Safety: crisis steps and incident record</source>
        <translation>السلامة: خطوات الأزمة وتسجيل حادثة</translation>
    </message>
    <message>
        <source>Practice run: not counted in reports</source>
        <translation>جلسة تدريبية: لا تُحتسب في التقارير</translation>
    </message>
    <message>
        <source>Apply this plan</source>
        <translation>طبّق هذه الخطة</translation>
    </message>
    <message>
        <source>Session notes</source>
        <translation>ملاحظات الجلسة</translation>
    </message>
    <message>
        <source>Who is here</source>
        <translation>الحاضرون</translation>
    </message>
    <message>
        <source>This step</source>
        <translation>هذه الخطوة</translation>
    </message>
    <message>
        <source>%1 Back</source>
        <translation>%1 رجوع</translation>
    </message>
    <message>
        <source>Pause  [P]</source>
        <translation>إيقاف مؤقت  [P]</translation>
    </message>
    <message>
        <source>Resume  [P]</source>
        <translation>متابعة  [P]</translation>
    </message>
    <message>
        <source>Skip…  [S]</source>
        <translation>تخطٍّ…  [S]</translation>
    </message>
    <message>
        <source>+%1 min  [E]</source>
        <translation>+%1 دقيقة  [E]</translation>
    </message>
    <message>
        <source>Next %1</source>
        <translation>التالي %1</translation>
    </message>
    <message>
        <source>Start the session %1</source>
        <translation>ابدأ الجلسة %1</translation>
    </message>
    <message>
        <source>Finish  [Ctrl+Enter]</source>
        <translation>إنهاء  [Ctrl+Enter]</translation>
    </message>
    <message>
        <source>Back to the previous step</source>
        <translation>الرجوع إلى الخطوة السابقة</translation>
    </message>
    <message>
        <source>Pause or resume the session</source>
        <translation>إيقاف الجلسة مؤقتًا أو متابعتها</translation>
    </message>
    <message>
        <source>Add two minutes to this step</source>
        <translation>إضافة دقيقتين إلى هذه الخطوة</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>الخطوة التالية</translation>
    </message>
    <message>
        <source>Finish the session</source>
        <translation>إنهاء الجلسة</translation>
    </message>
    <message>
        <source>Session %1 of %2</source>
        <translation>الجلسة %1 من %2</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>التالي: %1</translation>
    </message>
    <message>
        <source>Next: the end of the session</source>
        <translation>التالي: نهاية الجلسة</translation>
    </message>
    <message>
        <source>%1 by %2 min</source>
        <translation>%1 بمقدار %2 دقيقة</translation>
    </message>
    <message>
        <source>Running about %1 min over.</source>
        <translation>الجلسة متأخرة نحو %1 دقيقة.</translation>
    </message>
    <message>
        <source>Suggestion: shorten %1.</source>
        <translation>اقتراح: قصّر %1.</translation>
    </message>
    <message>
        <source>Still %1 min over: skip a step or agree with the group to run over.</source>
        <translation>ما زال هناك تأخير %1 دقيقة: تخطَّ خطوة أو اتفق مع المجموعة على تمديد الوقت.</translation>
    </message>
    <message>
        <source>Finish the session?</source>
        <translation>إنهاء الجلسة؟</translation>
    </message>
    <message>
        <source>Resumed. The session was paused, so the clocks did not move while run mode was closed. Press P to go on.</source>
        <translation>استُؤنفت الجلسة. كانت الجلسة موقوفة مؤقتًا، فلم تتحرك الساعتان أثناء إغلاق وضع التشغيل. اضغط P للمتابعة.</translation>
    </message>
    <message>
        <source>Resumed. The group went on while run mode was closed, so the clocks count that time: %1 since the last thing recorded. If the group stopped too, pause [P] before closing next time.</source>
        <translation>استُؤنفت الجلسة. استمرت المجموعة أثناء إغلاق وضع التشغيل، لذا تحسب الساعتان ذلك الوقت: %1 منذ آخر ما سُجّل. إن توقفت المجموعة أيضًا، فأوقف الجلسة مؤقتًا [P] قبل الإغلاق في المرة القادمة.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 س %2 د</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 د %2 ث</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 ث</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>A resource needs a name.</source>
        <translation>تحتاج الجهة إلى اسم.</translation>
    </message>
    <message>
        <source>A phone number may contain only digits, spaces and + ( ) - . /</source>
        <translation>لا يحتوي رقم الهاتف إلا على أرقام ومسافات والرموز ‎+ ( ) - . /</translation>
    </message>
    <message>
        <source>That resource no longer exists.</source>
        <translation>لم تعد هذه الجهة موجودة.</translation>
    </message>
    <message>
        <source>The position must be a whole number.</source>
        <translation>يجب أن يكون الترتيب عددًا صحيحًا.</translation>
    </message>
    <message>
        <source>That group does not exist.</source>
        <translation>هذه المجموعة غير موجودة.</translation>
    </message>
    <message>
        <source>That session is not in this group.</source>
        <translation>هذه الجلسة لا تتبع هذه المجموعة.</translation>
    </message>
    <message>
        <source>The emergency number may contain only digits, spaces and + ( ) - . /</source>
        <translation>لا يحتوي رقم الطوارئ إلا على أرقام ومسافات والرموز ‎+ ( ) - . /</translation>
    </message>
    <message>
        <source>The crisis line may contain only digits, spaces and + ( ) - . /</source>
        <translation>لا يحتوي رقم خط الأزمات إلا على أرقام ومسافات والرموز ‎+ ( ) - . /</translation>
    </message>
    <message>
        <source>'{type_id}' is not a known incident type (use one of: {known}).</source>
        <translation>'{type_id}' ليس نوع حادثة معروفًا (استخدم واحدًا من: {known}).</translation>
    </message>
    <message>
        <source>The safety protocol file is damaged: {where} needs en and ar text.</source>
        <translation>ملف بروتوكول السلامة تالف: يحتاج {where} إلى نص بالإنجليزية والعربية (en وar).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>ساعات العمل</translation>
    </message>
    <message>
        <source>language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>The resource {label} is too long (at most {limit} characters).</source>
        <translation>حقل {label} في الجهة طويل جدًا (الحد الأقصى لعدد الأحرف {limit}).</translation>
    </message>
    <message>
        <source>Unknown resource field(s): {fields}.</source>
        <translation>حقول الجهة غير معروفة: {fields}.</translation>
    </message>
    <message>
        <source>Severity must be one of {levels}.</source>
        <translation>يجب أن تكون درجة الخطورة واحدة من: {levels}.</translation>
    </message>
    <message>
        <source>The description is too long (at most {max_description} characters).</source>
        <translation>الوصف طويل جدًا (الحد الأقصى لعدد الأحرف {max_description}).</translation>
    </message>
</context>
<context>
    <name>SafetyDialog</name>
    <message>
        <source>Safety</source>
        <translation>السلامة</translation>
    </message>
    <message>
        <source>Safety: crisis steps, resources and incident record</source>
        <translation>السلامة: خطوات الأزمة والموارد وتسجيل حادثة</translation>
    </message>
    <message>
        <source>What to do now</source>
        <translation>ما العمل الآن</translation>
    </message>
    <message>
        <source>Record an incident</source>
        <translation>تسجيل حادثة</translation>
    </message>
    <message>
        <source>Crisis steps</source>
        <translation>خطوات التعامل مع الأزمة</translation>
    </message>
    <message>
        <source>Local resources</source>
        <translation>الموارد المحلية</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>ساعات العمل</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>Add resource</source>
        <translation>إضافة مورد</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>حذف المحدد</translation>
    </message>
    <message>
        <source>No resource has a phone number yet. Add your local crisis line and emergency number before the session.</source>
        <translation>لا يوجد رقم هاتف لأي مورد بعد. أضف خط الأزمات المحلي ورقم الطوارئ قبل الجلسة.</translation>
    </message>
    <message>
        <source>New resource: edit me</source>
        <translation>مورد جديد: عدّلني</translation>
    </message>
    <message>
        <source>Record what happened without names or identifying details. Use participant codes only if you must.</source>
        <translation>سجّل ما حدث دون أسماء أو تفاصيل تكشف الهوية. استخدم رموز المشاركين فقط عند الضرورة.</translation>
    </message>
    <message>
        <source>Incident type</source>
        <translation>نوع الحادثة</translation>
    </message>
    <message>
        <source>Short description</source>
        <translation>وصف مختصر</translation>
    </message>
    <message>
        <source>What happened, in a few lines</source>
        <translation>ماذا حدث، في بضعة أسطر</translation>
    </message>
    <message>
        <source>Other action taken</source>
        <translation>إجراء آخر اتُّخذ</translation>
    </message>
    <message>
        <source>Anything else you did</source>
        <translation>أي شيء آخر فعلته</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>المتابعة</translation>
    </message>
    <message>
        <source>Follow-up needed</source>
        <translation>تحتاج إلى متابعة</translation>
    </message>
    <message>
        <source>No follow-up needed</source>
        <translation>لا تحتاج إلى متابعة</translation>
    </message>
    <message>
        <source>Followed up already</source>
        <translation>تمت المتابعة</translation>
    </message>
    <message>
        <source>Follow-up plan</source>
        <translation>خطة المتابعة</translation>
    </message>
    <message>
        <source>Who will do what, by when</source>
        <translation>من سيفعل ماذا، ومتى</translation>
    </message>
    <message>
        <source>Save incident record</source>
        <translation>حفظ سجل الحادثة</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>الخطورة</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <source>Actions taken</source>
        <translation>الإجراءات المتخذة</translation>
    </message>
    <message>
        <source>✓ Incident saved. You can close this window.</source>
        <translation>✓ حُفظت الحادثة. يمكنك إغلاق هذه النافذة.</translation>
    </message>
    <message>
        <source>No number yet: double-click to add</source>
        <translation>لا رقم بعد: انقر مرتين لإضافته</translation>
    </message>
</context>
<context>
    <name>SafetyNumbersDialog</name>
    <message>
        <source>Safety numbers</source>
        <translation>أرقام السلامة</translation>
    </message>
    <message>
        <source>Before the session: the numbers to call if someone is in danger. Ask your organisation if you are not sure.</source>
        <translation>قبل الجلسة: الأرقام التي تتصل بها إن كان أحد في خطر. اسأل جهتك إن لم تكن متأكدًا.</translation>
    </message>
    <message>
        <source>The numbers could not be saved.</source>
        <translation>تعذّر حفظ الأرقام.</translation>
    </message>
</context>
<context>
    <name>SafetyNumbersFields</name>
    <message>
        <source>Local emergency number</source>
        <translation>رقم الطوارئ المحلي</translation>
    </message>
    <message>
        <source>for example 112 or 911</source>
        <translation>مثلًا 112 أو 911</translation>
    </message>
    <message>
        <source>Crisis line</source>
        <translation>خط الأزمات</translation>
    </message>
    <message>
        <source>a crisis or mental-health line you trust</source>
        <translation>خط للأزمات أو للصحة النفسية تثق به</translation>
    </message>
    <message>
        <source>Shown by Safety (F1) and at the safety check, for all your groups. Only digits, spaces and + ( ) - . /</source>
        <translation>تظهر في «السلامة» (F1) وعند خطوة الاطمئنان على السلامة، لكل مجموعاتك. الأرقام والمسافات و + ( ) - . / فقط</translation>
    </message>
    <message>
        <source>&amp;Emergency number</source>
        <translation>رقم الطوارئ (&amp;E)</translation>
    </message>
    <message>
        <source>Cr&amp;isis line</source>
        <translation>خط الأزمات (&amp;I)</translation>
    </message>
</context>
<context>
    <name>SaveFiles</name>
    <message>
        <source>Open the folder</source>
        <translation>فتح المجلد</translation>
    </message>
    <message>
        <source>The folder %1 no longer exists.</source>
        <translation>المجلد %1 لم يعد موجودًا.</translation>
    </message>
    <message>
        <source>This computer has no file manager the app can ask to open folders. The file is in %1.</source>
        <translation>لا يوجد على هذا الحاسوب مدير ملفات يستطيع التطبيق أن يطلب منه فتح المجلدات. الملف موجود في %1.</translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message>
        <source>Scenario YAML</source>
        <translation>نص السيناريو بصيغة YAML</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>المشكلات</translation>
    </message>
    <message>
        <source>Click a problem or press Enter on it to go to its line; F8: next problem.</source>
        <translation>انقر مشكلة أو اضغط Enter عليها للانتقال إلى سطرها؛ F8: المشكلة التالية.</translation>
    </message>
    <message>
        <source>Save [Ctrl+S]</source>
        <translation>حفظ [Ctrl+S]</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>حفظ باسم…</translation>
    </message>
    <message>
        <source>Import into practice</source>
        <translation>استيراد إلى التدريب</translation>
    </message>
    <message>
        <source>Close the editor</source>
        <translation>إغلاق المحرّر</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>جارٍ الفحص…</translation>
    </message>
    <message>
        <source>No problems: ready to import (%1 paths checked).</source>
        <translation>لا مشكلات: جاهز للاستيراد (فُحص %1 مسارًا).</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before this scenario can be used.</source>
        <translation>
            <numerusform>لا مشكلات يلزم إصلاحها قبل استعمال هذا السيناريو.</numerusform>
            <numerusform>مشكلة واحدة يلزم إصلاحها قبل استعمال هذا السيناريو.</numerusform>
            <numerusform>مشكلتان يلزم إصلاحهما قبل استعمال هذا السيناريو.</numerusform>
            <numerusform>%Ln مشكلات يلزم إصلاحها قبل استعمال هذا السيناريو.</numerusform>
            <numerusform>%Ln مشكلة يلزم إصلاحها قبل استعمال هذا السيناريو.</numerusform>
            <numerusform>%Ln مشكلة يلزم إصلاحها قبل استعمال هذا السيناريو.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (a copy, not saved yet)</source>
        <translation>%1 (نسخة لم تُحفظ بعد)</translation>
    </message>
    <message>
        <source>Save the scenario</source>
        <translation>حفظ السيناريو</translation>
    </message>
    <message>
        <source>Scenario files (*.yaml *.yml)</source>
        <translation>ملفات السيناريو (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>حُفظ: %1</translation>
    </message>
    <message>
        <source>Fix the problems first: this file cannot be imported yet.</source>
        <translation>أصلح المشكلات أولًا: لا يمكن استيراد هذا الملف بعد.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <source>The scenario has changes that are not saved. Save them?</source>
        <translation>في السيناريو تغييرات لم تُحفظ. هل تحفظها؟</translation>
    </message>
</context>
<context>
    <name>ScenarioProblems</name>
    <message>
        <source>problem</source>
        <translation>مشكلة</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>تنبيه</translation>
    </message>
    <message>
        <source>note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>السطر %1</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>الملف</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <source>Check-in: how are you, from 0 to 10?</source>
        <translation>بداية الجلسة: كيف حالك من ٠ إلى ١٠؟</translation>
    </message>
    <message>
        <source>Check-out: how are you now, from 0 to 10?</source>
        <translation>نهاية الجلسة: كيف حالك الآن من ٠ إلى ١٠؟</translation>
    </message>
    <message>
        <source>Check-in: %1, from %2 to %3</source>
        <translation>بداية الجلسة: %1، من %2 إلى %3</translation>
    </message>
    <message>
        <source>Check-out: %1, from %2 to %3</source>
        <translation>نهاية الجلسة: %1، من %2 إلى %3</translation>
    </message>
    <message>
        <source>Asked once: %1, from %2 to %3</source>
        <translation>مرة واحدة: %1، من %2 إلى %3</translation>
    </message>
    <message>
        <source>A higher score is better.</source>
        <translation>الدرجة الأعلى أفضل.</translation>
    </message>
    <message>
        <source>A lower score is better.</source>
        <translation>الدرجة الأدنى أفضل.</translation>
    </message>
    <message>
        <source>M goes to the next measure.</source>
        <translation>الحرف M ينتقل إلى المقياس التالي.</translation>
    </message>
    <message>
        <source>Check-in rating</source>
        <translation>تقييم البداية</translation>
    </message>
    <message>
        <source>Check-out rating</source>
        <translation>تقييم النهاية</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>تخطٍّ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Tap a number, or type it and press Enter to go to the next person. X records a pass.</source>
        <translation>اضغط رقمًا، أو اكتبه ثم اضغط Enter للانتقال إلى الشخص التالي. الحرف X يسجّل تخطّيًا.</translation>
    </message>
    <message>
        <source>Set the number and press Save, or type it and press Enter to go to the next person. X records a pass.</source>
        <translation>اختر الرقم واضغط حفظ، أو اكتبه واضغط Enter للانتقال إلى الشخص التالي. الحرف X يسجّل تخطّيًا.</translation>
    </message>
</context>
<context>
    <name>ScriptEditor</name>
    <message>
        <source>Edit your copy of a script</source>
        <translation>تعديل نسختك من برنامج الجلسة</translation>
    </message>
    <message>
        <source>Script identifier</source>
        <translation>معرّف البرنامج</translation>
    </message>
    <message>
        <source>Title in English</source>
        <translation>العنوان بالإنجليزية</translation>
    </message>
    <message>
        <source>Title in Arabic</source>
        <translation>العنوان بالعربية</translation>
    </message>
    <message>
        <source>&amp;Identifier</source>
        <translation>المعرّف (&amp;I)</translation>
    </message>
    <message>
        <source>Title (&amp;English)</source>
        <translation>العنوان (بالإنجليزية) (&amp;E)</translation>
    </message>
    <message>
        <source>Title (&amp;Arabic)</source>
        <translation>العنوان (بالعربية) (&amp;A)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>الخطوات</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>نقل لأعلى (&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>نقل لأسفل (&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Remove step</source>
        <translation>إزالة الخطوة (&amp;R)</translation>
    </message>
    <message>
        <source>Minutes for this step</source>
        <translation>دقائق هذه الخطوة</translation>
    </message>
    <message>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Words to say</source>
        <translation>ما يُقال</translation>
    </message>
    <message>
        <source>Notes for you</source>
        <translation>ملاحظات لك</translation>
    </message>
    <message>
        <source>&amp;Minutes</source>
        <translation>الدقائق (&amp;M)</translation>
    </message>
    <message>
        <source>Save the script</source>
        <translation>حفظ البرنامج</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 دقيقة</translation>
    </message>
    <message>
        <source>Total: %1 minutes</source>
        <translation>المجموع: %1 دقيقة</translation>
    </message>
    <message>
        <source>Give your copy its own identifier; this one belongs to a built-in script.</source>
        <translation>أعطِ نسختك معرّفًا خاصًا بها؛ هذا المعرّف لبرنامج مدمج.</translation>
    </message>
    <message>
        <source>A short name for files and the command line: letters, digits and hyphens.</source>
        <translation>اسم قصير للملفات ولسطر الأوامر: أحرف لاتينية وأرقام وشرطات.</translation>
    </message>
    <message>
        <source>Add s&amp;tep</source>
        <translation>إضافة خطوة (&amp;T)</translation>
    </message>
    <message>
        <source>A new step after the selected one</source>
        <translation>خطوة جديدة بعد الخطوة المحددة</translation>
    </message>
    <message>
        <source>Kind of step</source>
        <translation>نوع الخطوة</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>النوع (&amp;K)</translation>
    </message>
</context>
<context>
    <name>ScriptProblems</name>
    <message>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>الخطوة %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, item %2</source>
        <translation>%1، البند %2</translation>
    </message>
    <message>
        <source>The script</source>
        <translation>برنامج الجلسة</translation>
    </message>
    <message>
        <source>The English text is missing.</source>
        <translation>النص الإنجليزي غير موجود.</translation>
    </message>
    <message>
        <source>The Arabic text is missing.</source>
        <translation>النص العربي غير موجود.</translation>
    </message>
    <message>
        <source>This is required but missing.</source>
        <translation>هذا مطلوب لكنه غير موجود.</translation>
    </message>
    <message>
        <source>The English text is empty; write it.</source>
        <translation>النص الإنجليزي فارغ؛ اكتبه.</translation>
    </message>
    <message>
        <source>The Arabic text is empty; write it.</source>
        <translation>النص العربي فارغ؛ اكتبه.</translation>
    </message>
    <message>
        <source>This must not be empty.</source>
        <translation>لا يجوز أن يكون هذا فارغًا.</translation>
    </message>
    <message>
        <source>The text is too long (at most %1 characters).</source>
        <translation>النص طويل جدًا (%1 حرفًا على الأكثر).</translation>
    </message>
    <message>
        <source>Use only lower-case letters, digits and ‘-’ (for example grief-circle).</source>
        <translation>استخدم الأحرف اللاتينية الصغيرة والأرقام و‏«-»‏ فقط (مثلًا grief-circle).</translation>
    </message>
    <message>
        <source>Use only lower-case letters, digits, ‘_’ and ‘-’ (for example check_in).</source>
        <translation>استخدم الأحرف اللاتينية الصغيرة والأرقام و‏«_»‏ و‏«-»‏ فقط (مثلًا check_in).</translation>
    </message>
    <message>
        <source>%1 is too small; it must be at least %2.</source>
        <translation>القيمة %1 صغيرة جدًا؛ يجب ألّا تقل عن %2.</translation>
    </message>
    <message>
        <source>%1 is too small; it must be more than %2.</source>
        <translation>القيمة %1 صغيرة جدًا؛ يجب أن تزيد على %2.</translation>
    </message>
    <message>
        <source>%1 is too large; it must be at most %2.</source>
        <translation>القيمة %1 كبيرة جدًا؛ يجب ألّا تزيد على %2.</translation>
    </message>
    <message>
        <source>There must be at least one.</source>
        <translation>يجب أن يكون هناك واحد على الأقل.</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Words to say</source>
        <translation>ما يُقال</translation>
    </message>
    <message>
        <source>Notes for you</source>
        <translation>ملاحظات لك</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>الدقائق</translation>
    </message>
    <message>
        <source>Shortest time</source>
        <translation>أقصر مدة</translation>
    </message>
    <message>
        <source>Minutes per speaker</source>
        <translation>الدقائق لكل متحدث</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Total length</source>
        <translation>المدة الكلية</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>الملخص</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>الفئة المستهدفة</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>الأسئلة الموجِّهة</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>الخطوات</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <source>Ground rules</source>
        <translation>القواعد الأساسية</translation>
    </message>
    <message>
        <source>Group size</source>
        <translation>حجم المجموعة</translation>
    </message>
    <message>
        <source>The step identifier ‘%1’ is already used by step %2; give each step its own.</source>
        <translation>معرّف الخطوة «%1» مستخدم في الخطوة %2؛ أعطِ كل خطوة معرّفًا خاصًا بها.</translation>
    </message>
    <message>
        <source>The steps add up to %1 minutes but the session length is %2 minutes; make them match.</source>
        <translation>مجموع الخطوات %1 دقيقة لكن مدة الجلسة %2 دقيقة؛ اجعلهما متساويين.</translation>
    </message>
    <message>
        <source>The shortest time (%1 min) is longer than the step itself (%2 min).</source>
        <translation>أقصر مدة (%1 د) أطول من الخطوة نفسها (%2 د).</translation>
    </message>
    <message>
        <source>A round needs the minutes each speaker has.</source>
        <translation>الجولة تحتاج إلى عدد الدقائق لكل متحدث.</translation>
    </message>
    <message>
        <source>Only a round has minutes per speaker.</source>
        <translation>الدقائق لكل متحدث خاصة بالجولات فقط.</translation>
    </message>
    <message>
        <source>The time per speaker is longer than the whole step.</source>
        <translation>وقت كل متحدث أطول من الخطوة كلها.</translation>
    </message>
    <message>
        <source>The round is %1 minutes, but %2 speakers at %3 minutes each need %4; give it more time.</source>
        <translation>الجولة %1 دقيقة، لكن %2 متحدثين بمعدل %3 دقيقة لكل منهم يحتاجون إلى %4؛ أعطها وقتًا أطول.</translation>
    </message>
    <message>
        <source>The script has no ground-rules step; every session except a series' last one reviews the ground rules.</source>
        <translation>لا توجد في برنامج الجلسة خطوة للقواعد الأساسية؛ كل جلسة، ما عدا آخر جلسة في السلسلة، تراجع القواعد الأساسية.</translation>
    </message>
    <message>
        <source>There is no set of ground rules called ‘%1’.</source>
        <translation>لا توجد مجموعة قواعد أساسية باسم «%1».</translation>
    </message>
    <message>
        <source>The smallest group size (%1) is larger than the largest (%2).</source>
        <translation>أصغر حجم للمجموعة (%1) أكبر من أكبر حجم (%2).</translation>
    </message>
</context>
<context>
    <name>SecondPersonDialog</name>
    <message>
        <source>Second person</source>
        <translation>الشخص الثاني</translation>
    </message>
    <message>
        <source>Several people use this store: sign in with your own name and passphrase.</source>
        <translation>يستخدم عدة أشخاص هذا المخزن: سجّل الدخول باسمك وعبارة المرور الخاصة بك.</translation>
    </message>
    <message>
        <source>A different person approves: they sign in with their own name and passphrase.</source>
        <translation>يوافق شخص آخر: يدخل باسمه وعبارة المرور الخاصة به.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>الإقفال بعد هذا العدد من دقائق عدم الاستخدام</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>الألوان</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>اللغة (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>الألوان (&amp;C)</translation>
    </message>
    <message>
        <source>Outcome &amp;measures…</source>
        <translation>مقاييس النتائج (&amp;M)…</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>المقاييس</translation>
    </message>
    <message>
        <source>Lock &amp;after</source>
        <translation>الإقفال بعد (&amp;A)</translation>
    </message>
    <message>
        <source>Change the &amp;passphrase…</source>
        <translation>تغيير عبارة المرور (&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>نسخة احتياطية (&amp;B)…</translation>
    </message>
    <message>
        <source>Your records</source>
        <translation>سجلاتك</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>تغيير (&amp;H)…</translation>
    </message>
    <message>
        <source>Save files in</source>
        <translation>حفظ الملفات في</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Sign in now as a user who may do this?</source>
        <translation>هل تريد تسجيل الدخول الآن باسم مستخدم يحق له القيام بهذا؟</translation>
    </message>
    <message>
        <source>Sign in now?</source>
        <translation>هل تريد تسجيل الدخول الآن؟</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Sign in with your own name and passphrase; you act as that user until the app is locked.</source>
        <translation>سجّل الدخول باسمك وعبارة المرور الخاصة بك؛ ستعمل بصفة هذا المستخدم إلى أن يُقفل التطبيق.</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <source>Time left in this step</source>
        <translation>الوقت المتبقي في هذه الخطوة</translation>
    </message>
    <message>
        <source>Say:</source>
        <translation>قل:</translation>
    </message>
    <message>
        <source>For you only (not to be read aloud):</source>
        <translation>لك وحدك (لا تُقرأ بصوت عالٍ):</translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3</source>
        <translation>الخطوة %1 من %2 · %3</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>متوقّف مؤقتًا</translation>
    </message>
    <message>
        <source>not set: press F1 to add it</source>
        <translation>غير محدد: اضغط F1 لإضافته</translation>
    </message>
</context>
<context>
    <name>StepKind</name>
    <message>
        <source>Welcome</source>
        <translation>ترحيب</translation>
    </message>
    <message>
        <source>Ground rules</source>
        <translation>قواعد المجموعة</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>جولة الافتتاح</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>جولة حديث</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>نقاش</translation>
    </message>
    <message>
        <source>Skill practice</source>
        <translation>تدريب على مهارة</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>قراءة</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>استراحة</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>جولة الختام</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>اختتام</translation>
    </message>
    <message>
        <source>Safety check</source>
        <translation>اطمئنان على السلامة</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <source>Session finished: thank you</source>
        <translation>انتهت الجلسة: شكرًا لك</translation>
    </message>
    <message>
        <source>People present</source>
        <translation>عدد الحاضرين</translation>
    </message>
    <message>
        <source>Newcomers</source>
        <translation>القادمون الجدد</translation>
    </message>
    <message>
        <source>Average change (check-out minus check-in)</source>
        <translation>متوسط التغيّر (النهاية ناقص البداية)</translation>
    </message>
    <message>
        <source>WHO-5 forms entered</source>
        <translation>استمارات WHO-5 المُدخلة</translation>
    </message>
    <message>
        <source>Other measures</source>
        <translation>مقاييس أخرى</translation>
    </message>
    <message>
        <source>Incidents recorded</source>
        <translation>الحوادث المسجلة</translation>
    </message>
    <message>
        <source>Steps skipped</source>
        <translation>الخطوات المتخطاة</translation>
    </message>
    <message>
        <source>Make the session summary PDF</source>
        <translation>أنشئ ملخص الجلسة بصيغة PDF</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>افتح المجلد</translation>
    </message>
    <message>
        <source>Back to the group</source>
        <translation>العودة إلى المجموعة</translation>
    </message>
    <message>
        <source>no one gave both scores</source>
        <translation>لم يعطِ أحد الدرجتين كلتيهما</translation>
    </message>
    <message>
        <source>%1 (from %2 people)</source>
        <translation>%1 (من %2 أشخاص)</translation>
    </message>
    <message>
        <source>%1: %2 change (from %3 people)</source>
        <translation>%1: تغيّر بمقدار %2 (من %3 أشخاص)</translation>
    </message>
    <message>
        <source>%1: mean %2 (from %3 people)</source>
        <translation>%1: المتوسط %2 (من %3 أشخاص)</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>جارٍ إنشاء ملف PDF…</translation>
    </message>
    <message>
        <source>Making the session summary PDF</source>
        <translation>جارٍ إنشاء ملخص الجلسة بصيغة PDF</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>حُفظ: %1</translation>
    </message>
    <message>
        <source>The PDF could not be made.</source>
        <translation>تعذّر إنشاء ملف PDF.</translation>
    </message>
    <message>
        <source>Make the PDF again</source>
        <translation>صنع ملف PDF من جديد</translation>
    </message>
    <message>
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
</context>
<context>
    <name>SupervisionView</name>
    <message>
        <source>Signed in as {name}</source>
        <translation>مسجّل الدخول باسم {name}</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>قائمة المراجعة</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>لوحة المتابعة</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>المستخدمون</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>تبديل المستخدم</translation>
    </message>
    <message>
        <source>Sign in to use the supervision screens.</source>
        <translation>سجّل الدخول لاستخدام شاشات الإشراف.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Something went wrong and the action was not finished. Nothing you saved before has been lost.</source>
        <translation>حدث خطأ ولم يكتمل الإجراء. لم يضِع شيء مما حفظته من قبل.</translation>
    </message>
    <message>
        <source>Could not finish</source>
        <translation>تعذّر الإكمال</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>جارٍ العمل</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>يُرجى الانتظار…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>التقدّم</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <source>A reason is needed: say why no action is taken.</source>
        <translation>السبب مطلوب: اذكر لماذا لا يُتَّخذ أي إجراء.</translation>
    </message>
</context>
<context>
    <name>Unfinished</name>
    <message>
        <source>A session with %1 was not finished.</source>
        <translation>لم تنتهِ جلسة مع %1.</translation>
    </message>
    <message>
        <source>It started on %1.</source>
        <translation>بدأت في %1.</translation>
    </message>
    <message>
        <source>An unfinished session</source>
        <translation>جلسة لم تنتهِ</translation>
    </message>
    <message>
        <source>Resume it, or discard it and start a new one?</source>
        <translation>هل تتابعها، أم تلغيها وتبدأ جلسة جديدة؟</translation>
    </message>
    <message>
        <source>&amp;Resume it</source>
        <translation>متابعتها (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard it and start anew…</source>
        <translation>إلغاؤها والبدء من جديد (&amp;D)…</translation>
    </message>
    <message>
        <source>Discard the unfinished session?</source>
        <translation>إلغاء الجلسة التي لم تنتهِ؟</translation>
    </message>
    <message>
        <source>Discarding ends it for good: what was recorded stays, but it cannot be resumed and does not count as a finished session.</source>
        <translation>الإلغاء ينهيها نهائيًا: يبقى ما سُجّل، لكن لا يمكن متابعتها ولا تُحسب جلسة مكتملة.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Facilitator: unlock</source>
        <translation>الميسِّر: فتح القفل</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>أهلًا بعودتك</translation>
    </message>
    <message>
        <source>Opening with the system keyring…</source>
        <translation>جارٍ الفتح بسلسلة مفاتيح النظام…</translation>
    </message>
    <message>
        <source>The system keyring did not open the store this time.</source>
        <translation>لم تفتح سلسلة مفاتيح النظام المخزن هذه المرة.</translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <source>&amp;Unlock</source>
        <translation>فتح القفل (&amp;U)</translation>
    </message>
    <message>
        <source>Unlock with the &amp;system keyring</source>
        <translation>الفتح بسلسلة مفاتيح النظام (&amp;S)</translation>
    </message>
    <message>
        <source>Type the recovery code from your recovery kit. Dashes and spaces do not matter.</source>
        <translation>اكتب رمز الاسترداد من ملف الاسترداد. لا تهم الشرطات ولا المسافات.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>رمز الاسترداد</translation>
    </message>
    <message>
        <source>Use the &amp;passphrase instead</source>
        <translation>استخدم عبارة المرور بدلًا منه (&amp;P)</translation>
    </message>
    <message>
        <source>Enter your passphrase to open your groups.</source>
        <translation>أدخل عبارة المرور لفتح مجموعاتك.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Forgot it? Use the &amp;recovery code</source>
        <translation>نسيتها؟ استخدم رمز الاسترداد (&amp;R)</translation>
    </message>
    <message>
        <source>Type the recovery code first.</source>
        <translation>اكتب رمز الاسترداد أولًا.</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>اكتب عبارة المرور أولًا.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>جارٍ التحقق…</translation>
    </message>
    <message>
        <source>That recovery code does not open this store.</source>
        <translation>رمز الاسترداد هذا لا يفتح هذا المخزن.</translation>
    </message>
    <message>
        <source>That passphrase is not right. Check Caps Lock and try again.</source>
        <translation>عبارة المرور هذه غير صحيحة. تحقق من مفتاح الأحرف الكبيرة (Caps Lock) وحاول مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <source>Each person has their own passphrase; all of them open the same encrypted store. Removing someone needs a second person, and then a change of the database key is advised.</source>
        <translation>لكل شخص عبارة مرور خاصة به، وكلها تفتح المخزن المشفّر نفسه. إزالة أحدهم تحتاج إلى شخص ثانٍ، ويُنصح بعدها بتغيير مفتاح قاعدة البيانات.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <source>Own passphrase</source>
        <translation>عبارة مرور خاصة</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>إضافة مستخدم…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>إزالة…</translation>
    </message>
    <message>
        <source>Approve a removal…</source>
        <translation>الموافقة على إزالة…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>Waiting for a second person: remove {name}</source>
        <translation>بانتظار شخص ثانٍ: إزالة {name}</translation>
    </message>
    <message>
        <source>Removal asked</source>
        <translation>طُلبت الإزالة</translation>
    </message>
    <message>
        <source>A second administrator or supervisor must now approve removing {name}.</source>
        <translation>يجب الآن أن يوافق مدير أو مشرف ثانٍ على إزالة {name}.</translation>
    </message>
    <message>
        <source>User removed</source>
        <translation>أُزيل المستخدم</translation>
    </message>
    <message>
        <source>{name} was removed. If they may have kept a copy of the key file, change the database key now (Settings, or facilitator db rekey).</source>
        <translation>أُزيل {name}. إن كان قد يحتفظ بنسخة من ملف المفاتيح، فغيّر مفتاح قاعدة البيانات الآن (الإعدادات، أو facilitator db rekey).</translation>
    </message>
</context>
<context>
    <name>Who5Entry</name>
    <message>
        <source>Pass (would rather not)</source>
        <translation>تخطٍّ (يفضّل عدم الإجابة)</translation>
    </message>
    <message>
        <source>Pass: this person would rather not answer</source>
        <translation>تخطٍّ: يفضّل هذا الشخص عدم الإجابة</translation>
    </message>
    <message>
        <source>Save  [Enter]</source>
        <translation>حفظ  [Enter]</translation>
    </message>
    <message>
        <source>Save these WHO-5 answers</source>
        <translation>حفظ إجابات WHO-5 هذه</translation>
    </message>
    <message>
        <source>Back to the list  [Esc]</source>
        <translation>العودة إلى القائمة  [Esc]</translation>
    </message>
    <message>
        <source>Back to the WHO-5 list without saving</source>
        <translation>العودة إلى قائمة WHO-5 دون حفظ</translation>
    </message>
    <message>
        <source>Type 0 to 5 to answer and move on; Up and Down go back and forth; Enter saves.</source>
        <translation>اكتب رقمًا من ٠ إلى ٥ للإجابة والانتقال إلى العبارة التالية؛ السهمان للأعلى وللأسفل للتنقل بين العبارات؛ Enter للحفظ.</translation>
    </message>
    <message>
        <source>Statement %1 of %2</source>
        <translation>العبارة %1 من %2</translation>
    </message>
    <message>
        <source>Statement %1: %2</source>
        <translation>العبارة %1: %2</translation>
    </message>
    <message>
        <source>not answered yet</source>
        <translation>لم تتم الإجابة بعد</translation>
    </message>
</context>
<context>
    <name>Who5Panel</name>
    <message>
        <source>The Arabic wording of WHO-5 here has not yet been checked against the published Arabic translation.</source>
        <translation>لم تُراجَع الصياغة العربية لمؤشر WHO-5 هنا بعدُ مقارنةً بالترجمة العربية المنشورة.</translation>
    </message>
    <message>
        <source>Wellbeing (WHO-5)</source>
        <translation>الرفاه (WHO-5)</translation>
    </message>
    <message>
        <source>Practice run: you can rehearse the form here; nothing counts in reports.</source>
        <translation>جلسة تدريبية: يمكنك التمرّن على الاستمارة هنا؛ لا يُحتسب شيء منها في التقارير.</translation>
    </message>
    <message>
        <source>WHO-5 is due today (it is offered about every %1 sessions).</source>
        <translation>موعد مؤشر WHO-5 اليوم (يُقدَّم تقريبًا كل %1 جلسات).</translation>
    </message>
    <message>
        <source>Not due today. You can still collect it if you wish.</source>
        <translation>ليس موعده اليوم. ما زال بإمكانك جمعه إن رغبت.</translation>
    </message>
    <message>
        <source>Copy each person's answers from their paper form: choose their code.</source>
        <translation>انقل إجابات كل شخص من استمارته الورقية: اختر رمزه.</translation>
    </message>
    <message>
        <source>Mark who is here first.</source>
        <translation>حدّد الحاضرين أولًا.</translation>
    </message>
    <message>
        <source>WHO-5 due today</source>
        <translation>موعد WHO-5 اليوم</translation>
    </message>
    <message>
        <source>WHO-5 for participant %1</source>
        <translation>مؤشر WHO-5 للمشارك %1</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ليس بعد</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>تخطّى</translation>
    </message>
    <message>
        <source>%1 / 100</source>
        <translation>%1 من ١٠٠</translation>
    </message>
    <message>
        <source>%1 · offer a private word</source>
        <translation>%1 · اعرض حديثًا على انفراد</translation>
    </message>
    <message>
        <source>%1: passed (saved)</source>
        <translation>حُفظ: الرمز %1 فضّل عدم الإجابة</translation>
    </message>
    <message>
        <source>%1: WHO-5 score %2 out of 100 (saved)</source>
        <translation>حُفظت نتيجة WHO-5 للرمز %1: %2 من ١٠٠</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>Something went wrong and the action was not finished.</source>
        <translation>حدث خطأ ولم يكتمل الإجراء.</translation>
    </message>
    <message>
        <source>Could not finish</source>
        <translation>تعذّر الإكمال</translation>
    </message>
    <message>
        <source>The newcomer's code</source>
        <translation>رمز المشارك الجديد</translation>
    </message>
    <message>
        <source>Their code is:</source>
        <translation>رمزه:</translation>
    </message>
    <message>
        <source>Tell them, or write it on their card.</source>
        <translation>أخبره به، أو اكتبه على بطاقته.</translation>
    </message>
</context>
<context>
    <name>access</name>
    <message>
        <source>managing users</source>
        <translation>إدارة المستخدمين</translation>
    </message>
    <message>
        <source>listing users</source>
        <translation>عرض المستخدمين</translation>
    </message>
    <message>
        <source>changing settings</source>
        <translation>تغيير الإعدادات</translation>
    </message>
    <message>
        <source>reading the audit log</source>
        <translation>قراءة سجل التدقيق</translation>
    </message>
    <message>
        <source>reading the review queue</source>
        <translation>قراءة قائمة المراجعة</translation>
    </message>
    <message>
        <source>commenting on a review item</source>
        <translation>التعليق على بند مراجعة</translation>
    </message>
    <message>
        <source>signing off or closing review items</source>
        <translation>اعتماد بنود المراجعة أو إغلاقها</translation>
    </message>
    <message>
        <source>approving a two-person action</source>
        <translation>الموافقة على إجراء يتطلب شخصين</translation>
    </message>
    <message>
        <source>opening the dashboard</source>
        <translation>فتح لوحة المتابعة</translation>
    </message>
    <message>
        <source>using practice mode</source>
        <translation>استخدام وضع التدريب</translation>
    </message>
    <message>
        <source>writing a report</source>
        <translation>كتابة تقرير</translation>
    </message>
    <message>
        <source>listing groups and participant codes</source>
        <translation>عرض المجموعات ورموز المشاركين</translation>
    </message>
    <message>
        <source>managing groups and participants</source>
        <translation>إدارة المجموعات والمشاركين</translation>
    </message>
    <message>
        <source>running a session</source>
        <translation>إدارة جلسة</translation>
    </message>
    <message>
        <source>writing the program report</source>
        <translation>كتابة تقرير البرنامج</translation>
    </message>
    <message>
        <source>facilitator</source>
        <translation>ميسّر</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>مدرّب</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>مدير</translation>
    </message>
    <message>
        <source>{user} may not do this ({action}): it needs the role {roles}.</source>
        <translation>لا يحق لـ {user} القيام بهذا ({action}): يتطلب دور {roles}.</translation>
    </message>
    <message>
        <source>Sign in first: this needs a user.</source>
        <translation>سجّل الدخول أولًا: هذا يتطلب مستخدمًا.</translation>
    </message>
    <message>
        <source>sending a report bundle</source>
        <translation>إرسال حزمة تقارير</translation>
    </message>
    <message>
        <source>importing report bundles</source>
        <translation>استيراد حزم التقارير</translation>
    </message>
    <message>
        <source>reading receipts</source>
        <translation>قراءة الإيصالات</translation>
    </message>
    <message>
        <source>managing bundle keys</source>
        <translation>إدارة مفاتيح الحزم</translation>
    </message>
    <message>
        <source>reviewing other people's practice attempts</source>
        <translation>مراجعة محاولات التدريب الخاصة بالآخرين</translation>
    </message>
    <message>
        <source>changing the emergency and crisis-line numbers</source>
        <translation>تغيير رقمي الطوارئ وخط الأزمات</translation>
    </message>
    <message>
        <source>reading the report register</source>
        <translation>الاطلاع على سجل التقارير</translation>
    </message>
    <message>
        <source>clearing the report register</source>
        <translation>مسح سجل التقارير</translation>
    </message>
    <message>
        <source>listing sessions</source>
        <translation>عرض الجلسات</translation>
    </message>
    <message>
        <source>reading bundle keys</source>
        <translation>الاطلاع على مفاتيح الحزم</translation>
    </message>
    <message>
        <source>This store has several users: sign in first.</source>
        <translation>في هذا المخزن عدة مستخدمين: سجّل الدخول أولًا.</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>No.</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>الوقت (بالتوقيت العالمي)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>About</source>
        <translation>يخص</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>البصمة</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <source>{text} is not a date (use YYYY-MM-DD).</source>
        <translation>{text} ليس تاريخًا (استخدم YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Store created</source>
        <translation>أُنشئ المخزن</translation>
    </message>
    <message>
        <source>Store unlocked</source>
        <translation>فُتح قفل المخزن</translation>
    </message>
    <message>
        <source>Failed unlock attempt</source>
        <translation>محاولة فتح قفل فاشلة</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>غُيّرت عبارة المرور</translation>
    </message>
    <message>
        <source>Passphrase removed</source>
        <translation>أُزيلت عبارة المرور</translation>
    </message>
    <message>
        <source>Key put back in the system keyring</source>
        <translation>أُعيد المفتاح إلى حافظة مفاتيح النظام</translation>
    </message>
    <message>
        <source>Database key changed</source>
        <translation>غُيّر مفتاح قاعدة البيانات</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>أُنشئت نسخة احتياطية</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>استُعيدت نسخة احتياطية</translation>
    </message>
    <message>
        <source>Store upgraded</source>
        <translation>رُقّي المخزن</translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>حُفظ تقرير</translation>
    </message>
    <message>
        <source>Register of reports emptied</source>
        <translation>أُفرغ سجل التقارير</translation>
    </message>
    <message>
        <source>Data imported</source>
        <translation>استُوردت بيانات</translation>
    </message>
    <message>
        <source>Participant's data erased</source>
        <translation>مُحيت بيانات مشارك</translation>
    </message>
    <message>
        <source>Demonstration data added</source>
        <translation>أُضيفت بيانات تجريبية</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>أُضيف مستخدم</translation>
    </message>
    <message>
        <source>User removed</source>
        <translation>أُزيل مستخدم</translation>
    </message>
    <message>
        <source>User's roles changed</source>
        <translation>غُيّرت أدوار مستخدم</translation>
    </message>
    <message>
        <source>User's passphrase changed</source>
        <translation>غُيّرت عبارة مرور مستخدم</translation>
    </message>
    <message>
        <source>Review item taken</source>
        <translation>أُخذ بند مراجعة</translation>
    </message>
    <message>
        <source>Review item commented</source>
        <translation>عُلّق على بند مراجعة</translation>
    </message>
    <message>
        <source>Review item signed off</source>
        <translation>اعتُمد بند مراجعة</translation>
    </message>
    <message>
        <source>Review item closed without action</source>
        <translation>أُغلق بند مراجعة دون إجراء</translation>
    </message>
    <message>
        <source>Month signed off</source>
        <translation>اعتُمد شهر</translation>
    </message>
    <message>
        <source>Second person asked to approve</source>
        <translation>طُلبت موافقة شخص ثانٍ</translation>
    </message>
    <message>
        <source>Approved by a second person</source>
        <translation>وافق شخص ثانٍ</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>غُيّرت الإعدادات</translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation>صُدّر سجل التدقيق</translation>
    </message>
    <message>
        <source>Audit log found tampered with</source>
        <translation>وُجد عبث في سجل التدقيق</translation>
    </message>
    <message>
        <source>Bundle sent</source>
        <translation>أُرسلت حزمة</translation>
    </message>
    <message>
        <source>Bundle received</source>
        <translation>استُلمت حزمة</translation>
    </message>
    <message>
        <source>Bundle refused</source>
        <translation>رُفضت حزمة</translation>
    </message>
    <message>
        <source>Two versions of a record settled</source>
        <translation>حُسمت نسختان من سجل</translation>
    </message>
    <message>
        <source>Receipt for a bundle</source>
        <translation>إيصال استلام حزمة</translation>
    </message>
    <message>
        <source>Public key exported</source>
        <translation>صُدّر مفتاح عام</translation>
    </message>
    <message>
        <source>Another device's key trusted</source>
        <translation>وُثق بمفتاح جهاز آخر</translation>
    </message>
    <message>
        <source>Device key replaced</source>
        <translation>استُبدل مفتاح الجهاز</translation>
    </message>
    <message>
        <source>Key revoked</source>
        <translation>أُبطل مفتاح</translation>
    </message>
    <message>
        <source>Practice score changed by a trainer</source>
        <translation>غيّر مدرّب درجة تدريب</translation>
    </message>
    <message>
        <source>review item</source>
        <translation>بند مراجعة</translation>
    </message>
    <message>
        <source>user</source>
        <translation>مستخدم</translation>
    </message>
    <message>
        <source>group</source>
        <translation>مجموعة</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>مشارك</translation>
    </message>
    <message>
        <source>report</source>
        <translation>تقرير</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>حزمة</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>إعداد</translation>
    </message>
    <message>
        <source>practice attempt</source>
        <translation>محاولة تدريب</translation>
    </message>
    <message>
        <source>register of reports</source>
        <translation>سجل التقارير</translation>
    </message>
    <message>
        <source>closing a risk-to-life item</source>
        <translation>إغلاق بند خطر على الحياة</translation>
    </message>
    <message>
        <source>removing a user</source>
        <translation>إزالة مستخدم</translation>
    </message>
    <message>
        <source>erasing a participant</source>
        <translation>محو مشارك</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>وافق عليه</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>طلبه</translation>
    </message>
    <message>
        <source>By</source>
        <translation>بواسطة</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>الإدخالات</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>How</source>
        <translation>الطريقة</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>الشهر</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>البنود</translation>
    </message>
    <message>
        <source>Smallest number shown</source>
        <translation>أصغر عدد يُعرض</translation>
    </message>
    <message>
        <source>System keyring</source>
        <translation>حافظة مفاتيح النظام</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>First start</source>
        <translation>أول تشغيل</translation>
    </message>
    <message>
        <source>Key change advised</source>
        <translation>يُنصح بتغيير المفتاح</translation>
    </message>
    <message>
        <source>Fingerprint of the records</source>
        <translation>بصمة السجلات</translation>
    </message>
    <message>
        <source>Version kept</source>
        <translation>النسخة المُبقاة</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>المشكلة</translation>
    </message>
    <message>
        <source>First broken entry</source>
        <translation>أول إدخال مكسور</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>المجموعات</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>الأسابيع</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>الصفوف</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>الإعداد</translation>
    </message>
    <message>
        <source>One-person install</source>
        <translation>تثبيت لشخص واحد</translation>
    </message>
    <message>
        <source>Tried at</source>
        <translation>وقت المحاولة</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>المرسِل</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>الجهاز</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>الحزمة</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>المحذوف</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>التعارض</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>القديم</translation>
    </message>
    <message>
        <source>New</source>
        <translation>الجديد</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>البصمة</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>Action (in words)</source>
        <translation>الإجراء (بالكلمات)</translation>
    </message>
    <message>
        <source>Details (in words)</source>
        <translation>التفاصيل (بالكلمات)</translation>
    </message>
</context>
<context>
    <name>bundles</name>
    <message>
        <source>too large to be a bundle</source>
        <translation>أكبر من أن تكون حزمة</translation>
    </message>
    <message>
        <source>not a Facilitator bundle (unexpected contents)</source>
        <translation>ليست حزمة من Facilitator (محتوى غير متوقع)</translation>
    </message>
    <message>
        <source>damaged or truncated (not a readable bundle file)</source>
        <translation>تالفة أو مبتورة (ليست ملف حزمة مقروءًا)</translation>
    </message>
    <message>
        <source>its signature is damaged</source>
        <translation>توقيعها تالف</translation>
    </message>
    <message>
        <source>its signed description is not one this version reads</source>
        <translation>وصفها الموقَّع بصيغة لا يقرؤها هذا الإصدار</translation>
    </message>
    <message>
        <source>it was written in format version {version}; this install reads version {schema}</source>
        <translation>كُتبت بصيغة الإصدار {version}؛ وهذا التثبيت يقرأ الإصدار {schema}</translation>
    </message>
    <message>
        <source>it comes from a key that is not trusted here ({key}); check its fingerprint and trust it first</source>
        <translation>مصدرها مفتاح غير معتمد هنا ({key})؛ تحقق من بصمته واعتمده أولًا</translation>
    </message>
    <message>
        <source>its signature does not verify: it was altered or damaged on the way</source>
        <translation>توقيعها لا يصح: عُدِّلت أو تلفت في الطريق</translation>
    </message>
    <message>
        <source>it was signed by a revoked key ({key})</source>
        <translation>وُقِّعت بمفتاح مُلغى ({key})</translation>
    </message>
    <message>
        <source>its signed device does not match the trusted key</source>
        <translation>الجهاز المذكور في توقيعها لا يطابق المفتاح المعتمد</translation>
    </message>
    <message>
        <source>it is not addressed to this install</source>
        <translation>ليست موجهة إلى هذا التثبيت</translation>
    </message>
    <message>
        <source>it was already imported (bundle {bundle}): a replay</source>
        <translation>سبق استيرادها (الحزمة {bundle}): إعادة إرسال</translation>
    </message>
    <message>
        <source>its counter {counter} is not above the sender's last ({last}): an old or replayed bundle</source>
        <translation>عدّادها {counter} ليس أعلى من آخر عدّاد للمرسِل ({last}): حزمة قديمة أو معادة</translation>
    </message>
    <message>
        <source>it could not be decrypted with this install's key</source>
        <translation>تعذّر فك تشفيرها بمفتاح هذا التثبيت</translation>
    </message>
    <message>
        <source>its contents do not match its signed description</source>
        <translation>محتواها لا يطابق وصفها الموقَّع</translation>
    </message>
    <message>
        <source>The bundle {name} was refused: {reason}. Nothing was imported.</source>
        <translation>رُفضت الحزمة {name}: {reason}. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>The bundle {name} was refused: {reason}. Nothing was imported; it is kept in quarantine.</source>
        <translation>رُفضت الحزمة {name}: {reason}. لم يُستورد شيء؛ وهي محفوظة في الحجر.</translation>
    </message>
    <message>
        <source>its contents are malformed</source>
        <translation>محتواها غير سليم البنية</translation>
    </message>
    <message>
        <source>a different measure has this key</source>
        <translation>مقياس آخر يحمل هذا الرمز</translation>
    </message>
    <message>
        <source>the same id exists here</source>
        <translation>المعرّف نفسه موجود هنا</translation>
    </message>
    <message>
        <source>another device holds this id</source>
        <translation>جهاز آخر يحمل هذا المعرّف</translation>
    </message>
    <message>
        <source>same revision, different content</source>
        <translation>المراجعة نفسها بمحتوى مختلف</translation>
    </message>
    <message>
        <source>it was changed here too</source>
        <translation>عُدِّل هنا أيضًا</translation>
    </message>
    <message>
        <source>{user} may send only the groups they run.</source>
        <translation>يمكن لـ {user} إرسال المجموعات التي يديرها فقط.</translation>
    </message>
    <message>
        <source>No single conflict matches that id; see 'facilitator review list --type import_conflict'.</source>
        <translation>لا يطابق هذا المعرّف تعارضاً واحداً؛ انظر ‎'facilitator review list --type import_conflict'‎.</translation>
    </message>
    <message>
        <source>Choose which version to keep: local or incoming.</source>
        <translation>اختر النسخة التي تبقى: local (المحلية) أو incoming (الواردة).</translation>
    </message>
    <message>
        <source>That conflict was already resolved.</source>
        <translation>سبق حلّ هذا التعارض.</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>مُلغى</translation>
    </message>
    <message>
        <source>rotated</source>
        <translation>مستبدَل</translation>
    </message>
    <message>
        <source>The from month must look like 2026-03.</source>
        <translation>يجب أن يُكتب شهر البداية بهذا الشكل: 2026-03.</translation>
    </message>
    <message>
        <source>The to month must look like 2026-03.</source>
        <translation>يجب أن يُكتب شهر النهاية بهذا الشكل: 2026-03.</translation>
    </message>
    <message>
        <source>Could not read {path}: {reason}.</source>
        <translation>تعذّرت قراءة {path}: {reason}.</translation>
    </message>
    <message>
        <source>There is no active trusted key for that facilitator.</source>
        <translation>لا يوجد مفتاح موثوق فعّال لهذا الميسّر.</translation>
    </message>
    <message>
        <source>There is no such receipt.</source>
        <translation>لا يوجد إيصال كهذا.</translation>
    </message>
    <message>
        <source>That key is not trusted here: check its fingerprint with the person, then trust their key.</source>
        <translation>هذا المفتاح غير موثوق هنا: تحقّق من بصمته مع صاحبه، ثم اعتمد مفتاحه.</translation>
    </message>
    <message>
        <source>The 'from' month is after the 'to' month.</source>
        <translation>شهر البداية يقع بعد شهر النهاية.</translation>
    </message>
    <message>
        <source>The key {key_id} is {status}; ask for the current key.</source>
        <translation>المفتاح {key_id} {status}؛ اطلب المفتاح الحالي.</translation>
    </message>
    <message>
        <source>Choose at least one recipient (the supervisor's key).</source>
        <translation>اختر مستلمًا واحدًا على الأقل (مفتاح المشرف).</translation>
    </message>
    <message>
        <source>One of the chosen groups does not exist in this store.</source>
        <translation>إحدى المجموعات المختارة غير موجودة في هذا المخزن.</translation>
    </message>
    <message>
        <source>A text chosen to share is not a note or incident of the chosen groups and months.</source>
        <translation>أحد النصوص المختارة للمشاركة ليس ملاحظة ولا حادثة من المجموعات والأشهر المختارة.</translation>
    </message>
    <message>
        <source>The incident {id} looks identifying ({findings}); edit it before sharing it.</source>
        <translation>يبدو أن الحادثة {id} تكشف الهوية ({findings})؛ عدّلها قبل مشاركتها.</translation>
    </message>
    <message>
        <source>The note {id} looks identifying ({findings}); edit it before sharing it.</source>
        <translation>يبدو أن الملاحظة {id} تكشف الهوية ({findings})؛ عدّلها قبل مشاركتها.</translation>
    </message>
    <message>
        <source>The recipient key {key_id} is no longer known.</source>
        <translation>مفتاح المستلم {key_id} لم يعد معروفًا.</translation>
    </message>
    <message>
        <source>No single key matches '{key_id}'; give more of its id.</source>
        <translation>لا يطابق '{key_id}' مفتاحًا واحدًا بعينه؛ اكتب جزءًا أطول من معرّفه.</translation>
    </message>
    <message>
        <source>Could not read the key file {path}: {reason}.</source>
        <translation>تعذّرت قراءة ملف المفتاح {path}: {reason}.</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <source>{user} may not see that group: it is not one of theirs.</source>
        <translation>لا يحق لـ {user} رؤية تلك المجموعة: فهي ليست من مجموعاته.</translation>
    </message>
    <message>
        <source>There is no such group.</source>
        <translation>لا توجد مجموعة كهذه.</translation>
    </message>
    <message>
        <source>There are no groups of the programme type {type}.</source>
        <translation>لا توجد مجموعات من نوع البرنامج {type}.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>تنتهي الفترة قبل أن تبدأ.</translation>
    </message>
    <message>
        <source>sessions with attendance recorded</source>
        <translation>جلسات سُجّل حضورها</translation>
    </message>
    <message>
        <source>visits with both check-in and check-out</source>
        <translation>زيارات فيها تسجيل دخول وخروج</translation>
    </message>
    <message>
        <source>WHO-5 forms answered where given</source>
        <translation>استمارات WHO-5 المجابة حيث وُزّعت</translation>
    </message>
    <message>
        <source>incidents with follow-up recorded</source>
        <translation>حوادث سُجّلت متابعتها</translation>
    </message>
</context>
<context>
    <name>erasure</name>
    <message>
        <source>There is no such participant.</source>
        <translation>لا يوجد مشارك كهذا.</translation>
    </message>
    <message>
        <source>{user} may not erase this participant: the group is not theirs.</source>
        <translation>لا يحق لـ {user} محو هذا المشارك: المجموعة ليست من مجموعاته.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Refusing to overwrite an existing key file; choose new names.</source>
        <translation>لن يُكتب فوق ملف مفتاح موجود؛ اختر أسماء جديدة.</translation>
    </message>
    <message>
        <source>{name} is not a Facilitator public-key file.</source>
        <translation>{name} ليس ملف مفتاح عام من Facilitator.</translation>
    </message>
    <message>
        <source>The fingerprint does not match this key file: the key was NOT trusted. Check the file came from the right person.</source>
        <translation>البصمة لا تطابق ملف المفتاح هذا: لم يُعتمد المفتاح. تحقّق من أن الملف جاء من الشخص الصحيح.</translation>
    </message>
    <message>
        <source>That is this install's own key; it cannot be trusted as a peer.</source>
        <translation>هذا هو مفتاح هذا التثبيت نفسه؛ لا يمكن اعتماده مفتاحًا لطرف آخر.</translation>
    </message>
    <message>
        <source>That key was revoked; it cannot be trusted again. Ask for a new key.</source>
        <translation>أُلغي هذا المفتاح؛ لا يمكن اعتماده مرة أخرى. اطلب مفتاحًا جديدًا.</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>انتهت</translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation>متروكة</translation>
    </message>
    <message>
        <source>Give the trainee a label of 1 to {max_trainee} characters.</source>
        <translation>أعط المتدرّب اسمًا عدد أحرفه من ١ إلى {max_trainee}.</translation>
    </message>
    <message>
        <source>The mode is practice or assessment.</source>
        <translation>النمط إما تدريب أو تقييم.</translation>
    </message>
    <message>
        <source>'{id}' is a draft; only reviewed scenarios can be used for assessment. Use practice mode.</source>
        <translation>'{id}' مسودة؛ لا تُستخدم في التقييم إلا السيناريوهات المراجَعة. استخدم نمط التدريب.</translation>
    </message>
    <message>
        <source>There is no practice attempt '{attempt_id}'.</source>
        <translation>لا توجد محاولة تدريب '{attempt_id}'.</translation>
    </message>
    <message>
        <source>This attempt is finished or was stopped, so it cannot be resumed: open its debrief, or start a new attempt.</source>
        <translation>هذه المحاولة انتهت أو أُوقفت، فلا يمكن استئنافها: افتح مراجعتها، أو ابدأ محاولة جديدة.</translation>
    </message>
    <message>
        <source>The scenario '{scenario_id}' has changed since this attempt; it cannot be resumed.</source>
        <translation>تغيّر السيناريو '{scenario_id}' منذ هذه المحاولة؛ لا يمكن استئنافها.</translation>
    </message>
    <message>
        <source>This attempt was not finished; there is no debrief.</source>
        <translation>لم تكتمل هذه المحاولة؛ فلا توجد مراجعة ختامية لها.</translation>
    </message>
    <message>
        <source>The scenario '{scenario_id}' has changed since this attempt; it cannot be replayed exactly.</source>
        <translation>تغيّر السيناريو '{scenario_id}' منذ هذه المحاولة؛ لا يمكن إعادة تشغيلها كما كانت بالضبط.</translation>
    </message>
    <message>
        <source>Give {what} a name of 1 to {max_label} characters.</source>
        <translation>اكتب اسم {what}، وعدد أحرفه من ١ إلى {max_label}.</translation>
    </message>
    <message>
        <source>Write a few words about how it felt before you see the debrief.</source>
        <translation>اكتب بضع كلمات عن شعورك قبل أن ترى المراجعة.</translation>
    </message>
    <message>
        <source>Keep each answer under {max_text} characters.</source>
        <translation>اجعل عدد أحرف كل إجابة أقل من {max_text}.</translation>
    </message>
    <message>
        <source>Rate how it went from {low} to {high}.</source>
        <translation>قيّم كيف سارت الأمور من {low} إلى {high}.</translation>
    </message>
    <message>
        <source>The debrief opens once the practice has finished.</source>
        <translation>تُفتح المراجعة بعد انتهاء التدريب.</translation>
    </message>
    <message>
        <source>First say how it went for you; the debrief follows.</source>
        <translation>قل أولًا كيف سار الأمر معك؛ ثم تأتي المراجعة.</translation>
    </message>
    <message>
        <source>the trainer</source>
        <translation>المدرّب</translation>
    </message>
    <message>
        <source>Write a comment of 1 to {max_text} characters.</source>
        <translation>اكتب تعليقًا عدد أحرفه من ١ إلى {max_text}.</translation>
    </message>
    <message>
        <source>That moment is not in this attempt.</source>
        <translation>هذه اللحظة ليست في هذه المحاولة.</translation>
    </message>
    <message>
        <source>Unknown competency '{competency}'.</source>
        <translation>الكفاءة '{competency}' غير معروفة.</translation>
    </message>
    <message>
        <source>The score is a whole number from -30 to 30.</source>
        <translation>الدرجة عدد صحيح من ‎-٣٠ إلى ٣٠.</translation>
    </message>
    <message>
        <source>Give the reason for changing the score.</source>
        <translation>اذكر سبب تغيير الدرجة.</translation>
    </message>
    <message>
        <source>Only a finished attempt has scores to change.</source>
        <translation>لا توجد درجات يمكن تغييرها إلا في محاولة منتهية.</translation>
    </message>
    <message>
        <source>the rater</source>
        <translation>المقيِّم</translation>
    </message>
    <message>
        <source>Each rating is one of: not yet, developing, competent.</source>
        <translation>كل تقييم واحد من: ليس بعد، في طور النمو، كفء.</translation>
    </message>
    <message>
        <source>Rate at least one competency.</source>
        <translation>قيّم كفاءة واحدة على الأقل.</translation>
    </message>
    <message>
        <source>Rate this attempt first: other trainers' ratings and the agreement show once you have saved yours.</source>
        <translation>قيّم هذه المحاولة أولًا: تظهر تقييمات المدرّبين الآخرين والاتفاق بعد أن تحفظ تقييمك.</translation>
    </message>
    <message>
        <source>the observer</source>
        <translation>المراقب</translation>
    </message>
    <message>
        <source>The scenario has no decision '{dec_id}'.</source>
        <translation>ليس في السيناريو قرار '{dec_id}'.</translation>
    </message>
    <message>
        <source>Decision '{dec_id}' has options 1 to {n}.</source>
        <translation>خيارات القرار '{dec_id}' من ١ إلى {n}.</translation>
    </message>
    <message>
        <source>The sheet has no tick for decision '{id}', which came up on this path.</source>
        <translation>ليس في الورقة اختيار للقرار '{id}'، وقد ظهر هذا القرار في هذا المسار.</translation>
    </message>
    <message>
        <source>That session does not exist.</source>
        <translation>هذه الجلسة غير موجودة.</translation>
    </message>
    <message>
        <source>groups</source>
        <extracomment>The demo's organisation-defined measure; its id is fixed like the built-in ones so the same seed gives the same rows in every store.</extracomment>
        <translation>المجموعات</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>الأسابيع</translation>
    </message>
    <message>
        <source>participants per group</source>
        <translation>المشاركين في كل مجموعة</translation>
    </message>
    <message>
        <source>The number of {name} must be a whole number from 1 to {hi}.</source>
        <translation>يجب أن يكون عدد {name} عددًا صحيحًا من ١ إلى {hi}.</translation>
    </message>
    <message>
        <source>there is no built-in scenario '{ref}'; use one of: {known}, or give the path of a scenario file</source>
        <translation>لا يوجد سيناريو مدمج '{ref}'؛ استخدم واحدًا من: {known}، أو اكتب مسار ملف سيناريو</translation>
    </message>
    <message>
        <source>the script id '{id}' does not match the file name</source>
        <translation>معرّف النص '{id}' لا يطابق اسم الملف</translation>
    </message>
    <message>
        <source>there is no script with the id '{script_id}'</source>
        <translation>لا يوجد نص بالمعرّف '{script_id}'</translation>
    </message>
    <message>
        <source>'{id}' is the id of a built-in script; give your copy a new id</source>
        <translation>'{id}' معرّف نص مدمج؛ أعط نسختك معرّفًا جديدًا</translation>
    </message>
    <message>
        <source>That group does not exist.</source>
        <translation>هذه المجموعة غير موجودة.</translation>
    </message>
    <message>
        <source>That session is not running or paused, so there is nothing to resume.</source>
        <translation>هذه الجلسة ليست جارية ولا متوقفة مؤقتًا، فلا يوجد ما يُستأنف.</translation>
    </message>
    <message>
        <source>The script was changed since this session started, so it cannot be resumed.</source>
        <translation>تغيّر النص منذ بدء هذه الجلسة، فلا يمكن استئنافها.</translation>
    </message>
    <message>
        <source>The session was deleted while it was running.</source>
        <translation>حُذفت الجلسة أثناء سيرها.</translation>
    </message>
    <message>
        <source>The session log could not be saved; the last action was not applied.</source>
        <translation>تعذّر حفظ سجل الجلسة؛ لم يُنفَّذ الإجراء الأخير.</translation>
    </message>
    <message>
        <source>the built-in ground rules are invalid: {problem}</source>
        <translation>القواعد الأساسية المدمجة غير صالحة: {problem}</translation>
    </message>
    <message>
        <source>there is no ground-rule set called '{ruleset_id}'</source>
        <translation>لا توجد مجموعة قواعد أساسية باسم '{ruleset_id}'</translation>
    </message>
    <message>
        <source>Group rule {n}: id: '{id}' is used by another of the group's rules</source>
        <translation>قاعدة المجموعة {n}: المعرّف '{id}' مستخدم في قاعدة أخرى من قواعد المجموعة</translation>
    </message>
    <message>
        <source>Group rule {n}: {field}: {problem}</source>
        <translation>قاعدة المجموعة {n}: {field}: {problem}</translation>
    </message>
    <message>
        <source>That session does not exist, so the agreement cannot be recorded.</source>
        <translation>هذه الجلسة غير موجودة، فلا يمكن تسجيل الاتفاق.</translation>
    </message>
    <message>
        <source>Unknown attendance status '{status}'.</source>
        <translation>حالة الحضور '{status}' غير معروفة.</translation>
    </message>
    <message>
        <source>This group keeps a headcount only; record the number of people instead.</source>
        <translation>هذه المجموعة تسجّل العدد فقط؛ سجّل عدد الحاضرين بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>That participant is not in this session's group.</source>
        <translation>هذا المشارك ليس في مجموعة هذه الجلسة.</translation>
    </message>
    <message>
        <source>This group keeps a list of participants; mark attendance instead.</source>
        <translation>هذه المجموعة تحتفظ بقائمة مشاركين؛ سجّل الحضور بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>The headcount must be a whole number.</source>
        <translation>يجب أن يكون عدد الحاضرين عددًا صحيحًا.</translation>
    </message>
    <message>
        <source>The headcount must be between 0 and {max_headcount}.</source>
        <translation>يجب أن يكون عدد الحاضرين بين ٠ و{max_headcount}.</translation>
    </message>
    <message>
        <source>This group still has participants on its roster; archive or erase them before switching to headcount only.</source>
        <translation>ما زال في قائمة هذه المجموعة مشاركون؛ أرشفهم أو امحهم قبل التحويل إلى تسجيل العدد فقط.</translation>
    </message>
    <message>
        <source>This group has used every available participant code.</source>
        <translation>استخدمت هذه المجموعة كل رموز المشاركين المتاحة.</translation>
    </message>
    <message>
        <source>Could not find a free participant code; please try again.</source>
        <translation>تعذّر إيجاد رمز مشارك غير مستخدم؛ حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>'{text}' is not a participant code (two letters and two digits, for example KT-47).</source>
        <translation>'{text}' ليس رمز مشارك (حرفان ورقمان، مثل KT-47).</translation>
    </message>
    <message>
        <source>There is no built-in scenario '{id}'.</source>
        <translation>لا يوجد سيناريو مدمج باسم '{id}'.</translation>
    </message>
    <message>
        <source>Cannot open {file}: {reason}</source>
        <translation>تعذّر فتح {file}: {reason}</translation>
    </message>
    <message>
        <source>Cannot open {file}: it is not UTF-8 text.</source>
        <translation>تعذّر فتح {file}: ليس نصًا بترميز UTF-8.</translation>
    </message>
    <message>
        <source>{location}: {field}: {problem} (and {more} more problem(s))</source>
        <translation>في {location}، الحقل {field}: {problem} (ومعها {more} مشكلة أخرى)</translation>
    </message>
    <message>
        <source>{location}: {field}: {problem}</source>
        <translation>في {location}، الحقل {field}: {problem}</translation>
    </message>
    <message>
        <source>{location}: {problem} (and {more} more problem(s))</source>
        <translation>في {location}: {problem} (ومعها {more} مشكلة أخرى)</translation>
    </message>
    <message>
        <source>{location}: {problem}</source>
        <translation>في {location}: {problem}</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>The text needs more special letter forms than one report can hold.</source>
        <extracomment>Fallback faces, in the order they are tried: (registered name stem, Python package, file in its ``files`` folder). Each is registered as "&lt;stem&gt;" and "&lt;stem&gt;-Bold".</extracomment>
        <translation>يحتاج النص إلى أشكال حروف خاصة أكثر مما يتسع له تقرير واحد.</translation>
    </message>
    <message>
        <source>A report font is not installed ({name}). Reinstall Facilitator.</source>
        <translation>أحد خطوط التقارير غير مثبّت ({name}). أعد تثبيت Facilitator.</translation>
    </message>
    <message>
        <source>The report font file {name} could not be read. Reinstall Facilitator.</source>
        <extracomment>Font name -&gt; the TrueType bytes behind it (what HarfBuzz shapes with).</extracomment>
        <translation>تعذّرت قراءة ملف خط التقارير {name}. أعد تثبيت Facilitator.</translation>
    </message>
    <message>
        <source>The report font file {name} is missing. Reinstall Facilitator.</source>
        <translation>ملف خط التقارير {name} مفقود. أعد تثبيت Facilitator.</translation>
    </message>
    <message>
        <source>The report password must have at least {n} characters.</source>
        <translation>يجب أن تتكون كلمة مرور التقرير من {n} أحرف على الأقل.</translation>
    </message>
    <message>
        <source>The password file {path} is too large to hold a password.</source>
        <translation>ملف كلمة المرور {path} أكبر من أن يحتوي كلمة مرور.</translation>
    </message>
    <message>
        <source>The password file {path} does not exist.</source>
        <translation>ملف كلمة المرور {path} غير موجود.</translation>
    </message>
    <message>
        <source>The password file {path} could not be read.</source>
        <translation>تعذّرت قراءة ملف كلمة المرور {path}.</translation>
    </message>
    <message>
        <source>The password file {path} is empty.</source>
        <translation>ملف كلمة المرور {path} فارغ.</translation>
    </message>
    <message>
        <source>The report was not produced as a PDF.</source>
        <translation>لم يُنتَج التقرير بصيغة PDF.</translation>
    </message>
    <message>
        <source>This report contains a part the PDF writer does not know ({kind}).</source>
        <translation>يحتوي هذا التقرير على جزء لا يعرفه كاتب ملفات PDF ‏({kind}).</translation>
    </message>
    <message>
        <source>The report could not be laid out: a part of it is too large for a page. Shorten the longest text (a title or a note) and try again.</source>
        <translation>تعذّر تنسيق التقرير: أحد أجزائه أكبر من أن تتسع له صفحة. اختصر أطول نص (عنواناً أو ملاحظة) ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The recovery code must contain only letters and digits.</source>
        <translation>يجب ألا يحتوي رمز الاسترداد إلا على حروف وأرقام.</translation>
    </message>
    <message>
        <source>This WHO-5 wording does not have five statements and six answers scored 5 to 0, so the form cannot be printed.</source>
        <extracomment>Side of a tick box: big enough to tick with a pen without touching the lines. Share of the table width given to the statements; the rest is split between answers.</extracomment>
        <translation>لا تحوي صياغة WHO-5 هذه خمس عبارات وست إجابات بالدرجات من 5 إلى 0، فلا يمكن طباعة الاستمارة.</translation>
    </message>
    <message>
        <source>The number of copies must be a whole number from 1 to {n}.</source>
        <translation>يجب أن يكون عدد النسخ عددًا صحيحًا من 1 إلى {n}.</translation>
    </message>
    <message>
        <source>The form could not be laid out: a part of it is too large for a page.</source>
        <translation>تعذّر تنسيق الاستمارة: أحد أجزائها أكبر من أن تتسع له صفحة.</translation>
    </message>
</context>
<context>
    <name>groups</name>
    <message>
        <source>{user} may act only on the groups they run.</source>
        <translation>يمكن لـ {user} التصرف في المجموعات التي يديرها فقط.</translation>
    </message>
</context>
<context>
    <name>measures</name>
    <message>
        <source>Only the WHO-5 wording can be replaced, not '{key}'.</source>
        <translation>يمكن استبدال صياغة WHO-5 فقط، لا '{key}'.</translation>
    </message>
    <message>
        <source>The wording must be a mapping with title, instructions, items and choices.</source>
        <translation>يجب أن تكون الصياغة جدولًا فيه title وinstructions وitems وchoices.</translation>
    </message>
    <message>
        <source>Unknown field(s) in the wording: {fields}; expected title, instructions, items, choices and optionally source.</source>
        <translation>حقول غير معروفة في الصياغة: {fields}؛ المتوقع title وinstructions وitems وchoices، وsource اختياريًا.</translation>
    </message>
    <message>
        <source>The wording is missing: {fields}.</source>
        <translation>ينقص الصياغة: {fields}.</translation>
    </message>
    <message>
        <source>'{field}' must be a list of exactly {n} texts.</source>
        <translation>يجب أن يكون '{field}' قائمة من {n} نصوص بالضبط.</translation>
    </message>
    <message>
        <source>Could not read {path}: {reason}.</source>
        <translation>تعذّرت قراءة {path}: {reason}.</translation>
    </message>
    <message>
        <source>{path} is larger than {kb} kB; a wording file is a few lines of text.</source>
        <translation>حجم {path} أكبر من {kb} كيلوبايت؛ ملف الصياغة بضعة أسطر من النص.</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text.</source>
        <translation>الملف {path} ليس نصًا بترميز UTF-8.</translation>
    </message>
    <message>
        <source>{path} is not valid YAML (line {line}).</source>
        <translation>الملف {path} ليس YAML صالحًا (السطر {line}).</translation>
    </message>
    <message>
        <source>{path} is not valid YAML.</source>
        <translation>الملف {path} ليس YAML صالحًا.</translation>
    </message>
    <message>
        <source>A measure key uses lowercase letters, digits and '_' (2 to 41 characters, starting with a letter).</source>
        <translation>يتكون رمز المقياس من أحرف لاتينية صغيرة وأرقام و'_' (من 2 إلى 41 محرفًا، ويبدأ بحرف).</translation>
    </message>
    <message>
        <source>A measure called '{key}' already exists.</source>
        <translation>يوجد مقياس باسم '{key}' من قبل.</translation>
    </message>
    <message>
        <source>A custom measure needs a title in both English and Arabic.</source>
        <translation>يحتاج المقياس الخاص إلى عنوان بالإنجليزية وبالعربية معًا.</translation>
    </message>
    <message>
        <source>The English title</source>
        <translation>العنوان الإنجليزي</translation>
    </message>
    <message>
        <source>The Arabic title</source>
        <translation>العنوان العربي</translation>
    </message>
    <message>
        <source>{what} has no Arabic letters.</source>
        <translation>لا يحتوي {what} على أحرف عربية.</translation>
    </message>
    <message>
        <source>The range must go from a smaller to a larger number ({lo} to {hi} does not).</source>
        <translation>يجب أن تمتد الدرجات من رقم أصغر إلى رقم أكبر (من {lo} إلى {hi} لا يصح).</translation>
    </message>
    <message>
        <source>The step must be a positive number.</source>
        <translation>يجب أن تكون الخطوة رقمًا موجبًا.</translation>
    </message>
    <message>
        <source>A step of {step} does not divide the range {lo} to {hi} into equal steps.</source>
        <translation>الخطوة {step} لا تقسم المدى من {lo} إلى {hi} إلى خطوات متساوية.</translation>
    </message>
    <message>
        <source>A step of {step} gives {n} answer points; use at most {most}.</source>
        <translation>الخطوة {step} تعطي {n} نقطة إجابة؛ استخدم {most} على الأكثر.</translation>
    </message>
    <message>
        <source>Only the Arabic wording can be replaced; English is the published text.</source>
        <translation>لا يمكن استبدال إلا الصياغة العربية؛ فالنص الإنجليزي هو النص المنشور.</translation>
    </message>
    <message>
        <source>'{key}' is not a built-in measure.</source>
        <translation>'{key}' ليس مقياسًا مدمجًا.</translation>
    </message>
    <message>
        <source>A custom measure is asked at the start and end of a session (pre and post), once (single), or both.</source>
        <translation>يُطرح المقياس المخصّص في بداية الجلسة ونهايتها (قبل وبعد)، أو مرة واحدة، أو كليهما.</translation>
    </message>
    <message>
        <source>'{key}' is a built-in measure; its title cannot be changed.</source>
        <translation>'{key}' مقياس مدمج؛ لا يمكن تغيير عنوانه.</translation>
    </message>
    <message>
        <source>Give a new English title, a new Arabic title, or both.</source>
        <translation>أدخل عنوانًا إنجليزيًا جديدًا أو عنوانًا عربيًا جديدًا أو كليهما.</translation>
    </message>
    <message>
        <source>{what} must be a number.</source>
        <translation>يجب أن تكون قيمة {what} رقمًا.</translation>
    </message>
    <message>
        <source>{what} must be a number between -{limit} and {limit}.</source>
        <translation>يجب أن تكون قيمة {what} رقمًا بين ‎-{limit} و{limit}.</translation>
    </message>
    <message>
        <source>The lowest score</source>
        <translation>أدنى درجة</translation>
    </message>
    <message>
        <source>The highest score</source>
        <translation>أعلى درجة</translation>
    </message>
    <message>
        <source>The step</source>
        <translation>الخطوة</translation>
    </message>
    <message>
        <source>'{key}' is a built-in measure and cannot be retired.</source>
        <translation>'{key}' مقياس مدمج ولا يمكن إيقافه.</translation>
    </message>
</context>
<context>
    <name>participants</name>
    <message>
        <source>That group does not exist.</source>
        <translation>هذه المجموعة غير موجودة.</translation>
    </message>
    <message>
        <source>That participant does not exist (it may have been erased).</source>
        <translation>هذا المشارك غير موجود (ربما مُحي).</translation>
    </message>
    <message>
        <source>An alias can be at most {alias_max} characters; a first name or nickname is enough.</source>
        <translation>لا يتجاوز عدد أحرف الاسم المستعار {alias_max}؛ يكفي اسم أول أو لقب.</translation>
    </message>
    <message>
        <source>This group keeps a headcount only, without a list of participants.</source>
        <translation>هذه المجموعة تسجّل العدد فقط، دون قائمة بالمشاركين.</translation>
    </message>
    <message>
        <source>Unknown age band '{age_band}'.</source>
        <translation>الفئة العمرية '{age_band}' غير معروفة.</translation>
    </message>
    <message>
        <source>Unknown gender option '{gender}'.</source>
        <translation>خيار الجنس '{gender}' غير معروف.</translation>
    </message>
</context>
<context>
    <name>periods</name>
    <message>
        <source>The start date {date} does not start a month; reports cover whole calendar months: the first day of a month to the last day of a month, for example 2026-01-01 to 2026-03-31.</source>
        <translation>تاريخ البداية {date} ليس أول يوم في شهر؛ تغطي التقارير أشهرًا تقويمية كاملة: من أول يوم في شهر إلى آخر يوم في شهر، مثل 2026-01-01 إلى 2026-03-31.</translation>
    </message>
    <message>
        <source>The end date {date} does not end a month; reports cover whole calendar months: the first day of a month to the last day of a month, for example 2026-01-01 to 2026-03-31.</source>
        <translation>تاريخ النهاية {date} ليس آخر يوم في شهر؛ تغطي التقارير أشهرًا تقويمية كاملة: من أول يوم في شهر إلى آخر يوم في شهر، مثل 2026-01-01 إلى 2026-03-31.</translation>
    </message>
    <message>
        <source>The start date {date_from} is after the end date {date_to}.</source>
        <translation>تاريخ البداية {date_from} يقع بعد تاريخ النهاية {date_to}.</translation>
    </message>
</context>
<context>
    <name>practice</name>
    <message>
        <source>{user} may open only their own practice attempts: reviewing other people's needs the role trainer.</source>
        <translation>يمكن لـ {user} فتح محاولات التدريب الخاصة به فقط: مراجعة محاولات الآخرين تتطلب دور المدرّب.</translation>
    </message>
    <message>
        <source>{user} may write reactions only on their own attempts.</source>
        <translation>يمكن لـ {user} كتابة انطباعاته على محاولاته الخاصة فقط.</translation>
    </message>
    <message>
        <source>{user} has already rated this attempt as {rater}: a second rating must come from another trainer, signed in as themselves.</source>
        <translation>قيّم {user} هذه المحاولة من قبل باسم {rater}: يجب أن يأتي التقييم الثاني من مدرّب آخر مسجّل الدخول باسمه.</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>missing translation: '{id}' has no Arabic text</source>
        <translation>ترجمة ناقصة: '{id}' بلا نص عربي</translation>
    </message>
    <message>
        <source>missing translation: '{id}' has no English text</source>
        <translation>ترجمة ناقصة: '{id}' بلا نص إنجليزي</translation>
    </message>
    <message>
        <source>the checker stopped after {n} paths; this scenario branches too much to check every path (split it, or make fewer options lead on)</source>
        <translation>توقف الفاحص بعد {n} مسار؛ يتفرع هذا السيناريو أكثر من أن تُفحص كل مساراته (قسّمه، أو اجعل خيارات أقل تقود إلى قرار تالٍ)</translation>
    </message>
    <message>
        <source>no path through the scenario finishes</source>
        <translation>لا يوجد مسار ينتهي في هذا السيناريو</translation>
    </message>
    <message>
        <source>decision '{id}' is unreachable: no event or option leads to it on any path</source>
        <translation>لا يمكن الوصول إلى القرار '{id}': لا يقود إليه أي حدث أو خيار في أي مسار</translation>
    </message>
    <message>
        <source>event '{id}': the condition {condition} is never true on any path</source>
        <translation>الحدث '{id}': الشرط {condition} لا يتحقق في أي مسار</translation>
    </message>
    <message>
        <source>event '{id}' never happens on any path (every path ends first)</source>
        <translation>الحدث '{id}' لا يقع في أي مسار (كل المسارات تنتهي قبله)</translation>
    </message>
    <message>
        <source>dead end: after '{id}' option '{option}' no path performs the critical action(s) {actions}</source>
        <translation>طريق مسدود: بعد الخيار '{option}' في '{id}' لا ينفّذ أي مسار الإجراء الحاسم {actions}</translation>
    </message>
    <message>
        <source>'{id}' option '{option}' ends the scenario</source>
        <translation>الخيار '{option}' في '{id}' ينهي السيناريو</translation>
    </message>
    <message>
        <source>critical action '{id}' is performed on no path</source>
        <translation>الإجراء الحاسم '{id}' لا يُنفَّذ في أي مسار</translation>
    </message>
    <message>
        <source>the safety-critical path has no correct route: no sequence of choices performs every critical action (temperaments {who})</source>
        <translation>المسار الحرج للسلامة بلا طريق صحيح: لا يوجد تسلسل خيارات ينفّذ كل الإجراءات الحاسمة (الطباع {who})</translation>
    </message>
    <message>
        <source>no path reaches the result 'competent'</source>
        <translation>لا يصل أي مسار إلى نتيجة «متمكّن»</translation>
    </message>
    <message>
        <source>{paths} path(s) checked over {combinations} temperament combination(s)</source>
        <translation>فُحص {paths} مسارًا عبر {combinations} من توليفات الطباع</translation>
    </message>
    <message>
        <source>{competency}: lowest {low}, highest {high}</source>
        <translation>{competency}: الأدنى {low}، الأعلى {high}</translation>
    </message>
    <message>
        <source>the longest path runs {minutes} min against the script's {script} min (choices {choices})</source>
        <translation>أطول مسار يستغرق {minutes} دقيقة مقابل {script} دقيقة في نص الجلسة (الخيارات {choices})</translation>
    </message>
    <message>
        <source>the longest path runs {minutes} min against the script's {script} min</source>
        <translation>أطول مسار يستغرق {minutes} دقيقة مقابل {script} دقيقة في نص الجلسة</translation>
    </message>
    <message>
        <source>reference path '{id}' reaches decision '{decision}' but gives no choice for it</source>
        <translation>المسار المرجعي '{id}' يصل إلى القرار '{decision}' ولا يحدد خيارًا له</translation>
    </message>
    <message>
        <source>reference path '{id}' scores other than it expects (competency score ≠ expected): {diff}</source>
        <translation>المسار المرجعي '{id}' يعطي درجات غير المتوقعة (الكفاءة الدرجة ≠ المتوقع): {diff}</translation>
    </message>
    <message>
        <source>reference path '{id}' gives the result {result}, expected {expected}</source>
        <translation>المسار المرجعي '{id}' يعطي النتيجة {result}، والمتوقع {expected}</translation>
    </message>
    <message>
        <source>reference path '{id}' misses {missed}, expected {expected}</source>
        <translation>المسار المرجعي '{id}' يفوّت {missed}، والمتوقع {expected}</translation>
    </message>
    <message>
        <source>reference path '{id}' gives choices for decisions it never reaches: {decisions}</source>
        <translation>المسار المرجعي '{id}' يحدد خيارات لقرارات لا يصل إليها: {decisions}</translation>
    </message>
    <message>
        <source>unknown event kind {value}; use one of: {choices}</source>
        <translation>نوع حدث غير معروف {value}؛ استعمل أحد: {choices}</translation>
    </message>
    <message>
        <source>unknown temperament {value}; use one of: {choices}</source>
        <translation>طبع غير معروف {value}؛ استعمل أحد: {choices}</translation>
    </message>
    <message>
        <source>unknown competency {value}; use one of: {choices}</source>
        <translation>كفاءة غير معروفة {value}؛ استعمل أحد: {choices}</translation>
    </message>
    <message>
        <source>must be a mapping with 'en' and 'ar' texts</source>
        <translation>يجب أن يكون نصًا بالإنجليزية والعربية (en و ar)</translation>
    </message>
    <message>
        <source>the id '{id}' does not match the file name</source>
        <translation>المعرّف '{id}' لا يطابق اسم الملف</translation>
    </message>
    <message>
        <source>the text is empty in both languages; write at least the English</source>
        <translation>النص فارغ في اللغتين؛ اكتب النص الإنجليزي على الأقل</translation>
    </message>
    <message>
        <source>an event needs exactly one trigger: step, minute or when (found {found})</source>
        <translation>يحتاج الحدث إلى مُطلِق واحد بالضبط: step أو minute أو when (الموجود: {found})</translation>
    </message>
    <message>
        <source>after_minutes is only used with step</source>
        <translation>يُستعمل after_minutes مع step فقط</translation>
    </message>
    <message>
        <source>jitter_seconds applies to step or minute triggers, not to when</source>
        <translation>يُستعمل jitter_seconds مع المُطلِق step أو minute، لا مع when</translation>
    </message>
    <message>
        <source>a '{kind}' event names the other member in target</source>
        <translation>الحدث من نوع '{kind}' يذكر العضو الآخر في target</translation>
    </message>
    <message>
        <source>'{cite}' is not a ground rule; use one of: {choices}</source>
        <translation>'{cite}' ليست قاعدة من قواعد المجموعة؛ استعمل إحدى: {choices}</translation>
    </message>
    <message>
        <source>'{cite}' is not a safety step; use one of: {choices}</source>
        <translation>'{cite}' ليست خطوة من خطوات السلامة؛ استعمل إحدى: {choices}</translation>
    </message>
    <message>
        <source>an option either leads to the next decision or ends the scenario, not both</source>
        <translation>الخيار إما أن يقود إلى القرار التالي أو ينهي السيناريو، لا الاثنين معًا</translation>
    </message>
    <message>
        <source>option id '{id}' is used twice</source>
        <translation>معرّف الخيار '{id}' مستعمل مرتين</translation>
    </message>
    <message>
        <source>a safety-critical decision needs an option that scores safety_response above 0</source>
        <translation>القرار الحرج للسلامة يحتاج إلى خيار يعطي safety_response درجة أعلى من ٠</translation>
    </message>
    <message>
        <source>a reviewed scenario names its reviewer</source>
        <translation>السيناريو المُراجَع يذكر اسم مراجعه</translation>
    </message>
    <message>
        <source>there is no session script '{script}'</source>
        <translation>لا يوجد نص جلسة باسم '{script}'</translation>
    </message>
    <message>
        <source>the script '{script}' has no step '{step}'; its steps are: {steps}</source>
        <translation>نص الجلسة '{script}' ليس فيه خطوة '{step}'؛ خطواته: {steps}</translation>
    </message>
    <message>
        <source>the step '{step}' lasts {minutes} minutes; after_minutes must be less</source>
        <translation>الخطوة '{step}' مدتها {minutes} دقيقة؛ يجب أن يكون after_minutes أقل من ذلك</translation>
    </message>
    <message>
        <source>the script lasts {minutes} minutes; the event's minute must be earlier</source>
        <translation>مدة نص الجلسة {minutes} دقيقة؛ يجب أن تكون دقيقة الحدث (minute) قبل ذلك</translation>
    </message>
    <message>
        <source>participant code '{code}' is used twice</source>
        <translation>رمز المشارك '{code}' مستعمل مرتين</translation>
    </message>
    <message>
        <source>decision id '{id}' is used twice</source>
        <translation>معرّف القرار '{id}' مستعمل مرتين</translation>
    </message>
    <message>
        <source>two critical actions share an id</source>
        <translation>إجراءان حاسمان يحملان المعرّف نفسه</translation>
    </message>
    <message>
        <source>there is no participant '{code}'</source>
        <translation>لا يوجد مشارك بالرمز '{code}'</translation>
    </message>
    <message>
        <source>event id '{id}' is used twice</source>
        <translation>معرّف الحدث '{id}' مستعمل مرتين</translation>
    </message>
    <message>
        <source>target is the same participant as who</source>
        <translation>المشارك في target هو نفسه المشارك في who</translation>
    </message>
    <message>
        <source>the condition {condition} can never be true (state runs from {low} to {high})</source>
        <translation>الشرط {condition} لا يمكن أن يتحقق أبدًا (الحالة تتراوح من {low} إلى {high})</translation>
    </message>
    <message>
        <source>there is no decision '{id}'</source>
        <translation>لا يوجد قرار بالمعرّف '{id}'</translation>
    </message>
    <message>
        <source>an option cannot lead back to its own decision</source>
        <translation>لا يمكن أن يقود الخيار إلى قراره نفسه</translation>
    </message>
    <message>
        <source>there is no critical action '{id}'</source>
        <translation>لا يوجد إجراء حاسم بالمعرّف '{id}'</translation>
    </message>
    <message>
        <source>decision '{id}' has no option '{option}'</source>
        <translation>القرار '{id}' ليس فيه الخيار '{option}'</translation>
    </message>
    <message>
        <source>a reviewed scenario is complete in both languages; '{id}' has no Arabic text ({count} missing in all)</source>
        <translation>السيناريو المُراجَع مكتمل في اللغتين؛ '{id}' بلا نص عربي (الناقص {count} في المجموع)</translation>
    </message>
    <message>
        <source>a reviewed scenario is complete in both languages; '{id}' has no English text ({count} missing in all)</source>
        <translation>السيناريو المُراجَع مكتمل في اللغتين؛ '{id}' بلا نص إنجليزي (الناقص {count} في المجموع)</translation>
    </message>
    <message>
        <source>YAML anchors and aliases (&amp; and *) are not allowed here</source>
        <translation>المراسي والأسماء المستعارة في YAML (&amp; و *) غير مسموح بها هنا</translation>
    </message>
    <message>
        <source>the file has more than {n} YAML values</source>
        <translation>في الملف أكثر من {n} قيمة YAML</translation>
    </message>
    <message>
        <source>the YAML is nested more than {n} levels deep</source>
        <translation>تداخل YAML أعمق من {n} مستوى</translation>
    </message>
    <message>
        <source>invalid YAML: the character {char} is not allowed</source>
        <translation>YAML غير صالح: المحرف {char} غير مسموح به</translation>
    </message>
    <message>
        <source>the YAML is nested too deeply</source>
        <translation>تداخل YAML أعمق مما ينبغي</translation>
    </message>
    <message>
        <source>the key '{key}' appears twice in the same mapping</source>
        <translation>المفتاح '{key}' مكرر في الموضع نفسه</translation>
    </message>
    <message>
        <source>invalid YAML ({kind})</source>
        <translation>YAML غير صالح ({kind})</translation>
    </message>
    <message>
        <source>a YAML value cannot be read (a date or number out of range?)</source>
        <translation>تعذّرت قراءة قيمة في YAML (تاريخ أو رقم خارج النطاق؟)</translation>
    </message>
    <message>
        <source>invalid YAML: tags (!) are not allowed here</source>
        <translation>YAML غير صالح: الوسوم (!) غير مسموح بها هنا</translation>
    </message>
    <message>
        <source>invalid YAML: a character at column {column} cannot be read here (a ':' or quote out of place?)</source>
        <translation>YAML غير صالح: تعذّرت قراءة محرف في العمود {column} (علامة ':' أو علامة تنصيص في غير موضعها؟)</translation>
    </message>
    <message>
        <source>invalid YAML: the structure is broken near column {column} (check the indentation and the '-' and ':' marks)</source>
        <translation>YAML غير صالح: البنية مكسورة قرب العمود {column} (راجع المسافات البادئة وعلامتي '-' و ':')</translation>
    </message>
    <message>
        <source>this value is not accepted ({code})</source>
        <extracomment>Cohen's kappa over fewer attempts rated by both trainers says more about chance than about agreement: below this it is not computed ("not enough rated attempts yet").</extracomment>
        <translation>هذه القيمة غير مقبولة ({code})</translation>
    </message>
    <message>
        <source>the English text ('en') is missing</source>
        <translation>النص الإنجليزي ('en') غير موجود</translation>
    </message>
    <message>
        <source>the Arabic text ('ar') is missing</source>
        <translation>النص العربي ('ar') غير موجود</translation>
    </message>
    <message>
        <source>this field is required but missing</source>
        <translation>هذا الحقل مطلوب لكنه غير موجود</translation>
    </message>
    <message>
        <source>unknown field (check the spelling or remove it)</source>
        <translation>حقل غير معروف (راجع الإملاء أو احذفه)</translation>
    </message>
    <message>
        <source>unknown step kind {value}; use one of: {choices}</source>
        <translation>نوع خطوة غير معروف {value}؛ استعمل أحد: {choices}</translation>
    </message>
    <message>
        <source>{value} is not allowed; use one of: {choices}</source>
        <translation>{value} غير مسموح به؛ استعمل أحد: {choices}</translation>
    </message>
    <message>
        <source>the English text is empty</source>
        <translation>النص الإنجليزي فارغ</translation>
    </message>
    <message>
        <source>the Arabic text is empty</source>
        <translation>النص العربي فارغ</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>يجب ألا يكون فارغًا</translation>
    </message>
    <message>
        <source>the text is too long (at most {n} characters)</source>
        <translation>النص أطول مما ينبغي (الحد الأقصى {n} محرف)</translation>
    </message>
    <message>
        <source>use only lower-case letters, digits and '-' (for example grief-circle)</source>
        <translation>استعمل الحروف اللاتينية الصغيرة والأرقام و'-' فقط (مثل grief-circle)</translation>
    </message>
    <message>
        <source>use only lower-case letters, digits, '_' and '-' (for example check_in)</source>
        <translation>استعمل الحروف اللاتينية الصغيرة والأرقام و'_' و'-' فقط (مثل check_in)</translation>
    </message>
    <message>
        <source>{value} has characters that are not allowed here</source>
        <translation>في {value} محارف غير مسموح بها هنا</translation>
    </message>
    <message>
        <source>{value} is too small; it must be at least {bound}</source>
        <translation>{value} أصغر مما ينبغي؛ يجب ألا يقل عن {bound}</translation>
    </message>
    <message>
        <source>{value} is too small; it must be more than {bound}</source>
        <translation>{value} أصغر مما ينبغي؛ يجب أن يكون أكبر من {bound}</translation>
    </message>
    <message>
        <source>{value} is too large; it must be at most {bound}</source>
        <translation>{value} أكبر مما ينبغي؛ يجب ألا يزيد على {bound}</translation>
    </message>
    <message>
        <source>{value} must be a whole number</source>
        <translation>يجب أن تكون {value} عددًا صحيحًا</translation>
    </message>
    <message>
        <source>{value} must be an ordinary number (not .nan or .inf)</source>
        <translation>يجب أن تكون {value} رقمًا عاديًا (لا ‎.nan‎ ولا ‎.inf‎)</translation>
    </message>
    <message>
        <source>{value} must be a number</source>
        <translation>يجب أن تكون {value} رقمًا</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>يجب أن يكون نصًا</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>يجب أن يكون true أو false</translation>
    </message>
    <message>
        <source>must be a mapping with both 'en' and 'ar' texts</source>
        <translation>يجب أن يكون نصًا بالإنجليزية والعربية معًا (en و ar)</translation>
    </message>
    <message>
        <source>must be a mapping (key: value lines)</source>
        <translation>يجب أن يكون قائمة مفاتيح (أسطر بصيغة مفتاح: قيمة)</translation>
    </message>
    <message>
        <source>must be a list (lines starting with '-')</source>
        <translation>يجب أن يكون قائمة (أسطر تبدأ بـ '-')</translation>
    </message>
    <message>
        <source>must have at least one entry</source>
        <translation>يجب أن يحتوي على عنصر واحد على الأقل</translation>
    </message>
    <message>
        <source>has too many entries (at most {n})</source>
        <translation>فيه عناصر أكثر مما ينبغي (الحد الأقصى {n})</translation>
    </message>
    <message>
        <source>cannot read the file ({code})</source>
        <translation>تعذّرت قراءة الملف ({code})</translation>
    </message>
    <message>
        <source>the file is larger than {n} MB; a script is never that big</source>
        <translation>حجم الملف أكبر من {n} ميغابايت؛ لا يبلغ أي نص هذا الحجم</translation>
    </message>
    <message>
        <source>this is not a text file (it contains binary data)</source>
        <translation>هذا ليس ملفًا نصيًا (فيه بيانات ثنائية)</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (bad byte at position {n})</source>
        <translation>الملف ليس نصًا بترميز UTF-8 (بايت غير صالح في الموضع {n})</translation>
    </message>
    <message>
        <source>the text is larger than {n} MB; a script is never that big</source>
        <translation>حجم النص أكبر من {n} ميغابايت؛ لا يبلغ أي نص هذا الحجم</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>الملف فارغ</translation>
    </message>
    <message>
        <source>the top level must be a mapping (format:, id:, title:, steps: ...)</source>
        <translation>يجب أن يكون المستوى الأعلى قائمة مفاتيح (format: و id: و title: ...)</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>ليس ملفًا</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>الملف غير موجود</translation>
    </message>
    <message>
        <source>The text</source>
        <extracomment>The same names as tuples, for messages and menus.</extracomment>
        <translation>النص</translation>
    </message>
    <message>
        <source>min ({min}) is larger than max ({max})</source>
        <translation>الحد الأدنى ({min}) أكبر من الحد الأعلى ({max})</translation>
    </message>
    <message>
        <source>min_minutes ({floor}) is more than minutes ({minutes})</source>
        <translation>أقصر مدة min_minutes ({floor}) أطول من مدة الخطوة minutes ({minutes})</translation>
    </message>
    <message>
        <source>a round step needs speaker_minutes (minutes per speaker)</source>
        <translation>خطوة الجولة تحتاج إلى speaker_minutes (الدقائق لكل متحدث)</translation>
    </message>
    <message>
        <source>speaker_minutes is only allowed on round steps</source>
        <translation>لا يُسمح بـ speaker_minutes إلا في خطوات الجولة</translation>
    </message>
    <message>
        <source>speaker_minutes is longer than the whole step</source>
        <translation>مدة speaker_minutes أطول من الخطوة كلها</translation>
    </message>
    <message>
        <source>there is no ground-rule set called '{value}'; use one of: {known}</source>
        <translation>لا توجد مجموعة قواعد أساسية اسمها '{value}'؛ استخدم إحدى هذه: {known}</translation>
    </message>
    <message>
        <source>step id '{id}' is already used by step {n}</source>
        <translation>معرّف الخطوة '{id}' مستخدم من قبل في الخطوة {n}</translation>
    </message>
    <message>
        <source>the round is {minutes} minutes but {speakers} speakers (group_size.min) at {each} minutes each need {need}</source>
        <translation>مدة الجولة {minutes} دقيقة، لكن {speakers} متحدثين (group_size.min) بمعدل {each} دقيقة لكل منهم يحتاجون إلى {need}</translation>
    </message>
    <message>
        <source>the steps add up to {total} minutes but duration_minutes is {duration}; make them match</source>
        <translation>مجموع مدد الخطوات {total} دقيقة، لكن duration_minutes تساوي {duration}؛ اجعلهما متساويين</translation>
    </message>
    <message>
        <source>the script has no ground_rules step; every session except a series' last one reviews the ground rules</source>
        <translation>ليس في النص خطوة ground_rules؛ كل جلسة تراجع القواعد الأساسية إلا الجلسة الأخيرة من سلسلة</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>{user} may write reports only on the groups they run.</source>
        <translation>يمكن لـ {user} كتابة التقارير عن المجموعات التي يديرها فقط.</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>There is no such request.</source>
        <translation>لا يوجد طلب كهذا.</translation>
    </message>
    <message>
        <source>That request was already decided.</source>
        <translation>بُتّ في هذا الطلب من قبل.</translation>
    </message>
    <message>
        <source>A second person must approve this: the person who asked cannot approve their own request.</source>
        <translation>يجب أن يوافق شخص ثانٍ: لا يستطيع صاحب الطلب الموافقة على طلبه.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>قيد المراجعة</translation>
    </message>
    <message>
        <source>Needs information</source>
        <translation>بحاجة إلى معلومات</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>معتمد</translation>
    </message>
    <message>
        <source>Closed without action</source>
        <translation>مغلق دون إجراء</translation>
    </message>
    <message>
        <source>A review threshold must be a positive number.</source>
        <translation>يجب أن يكون حدّ المراجعة عددًا موجبًا.</translation>
    </message>
    <message>
        <source>The records behind this item changed.</source>
        <translation>تغيّرت السجلات التي يقوم عليها هذا البند.</translation>
    </message>
    <message>
        <source>Unknown item type {kind}; use one of: {kinds}.</source>
        <translation>نوع بند غير معروف {kind}؛ استخدم أحد: {kinds}.</translation>
    </message>
    <message>
        <source>Unknown state {state}; use one of: {states}.</source>
        <translation>حالة غير معروفة {state}؛ استخدم أحد: {states}.</translation>
    </message>
    <message>
        <source>{text} is not a month (use YYYY-MM).</source>
        <translation>{text} ليس شهرًا (استخدم YYYY-MM).</translation>
    </message>
    <message>
        <source>There is no review item {id}.</source>
        <translation>لا يوجد بند مراجعة {id}.</translation>
    </message>
    <message>
        <source>{user} may not see this item: it is about a group they do not run.</source>
        <translation>لا يحق لـ {user} رؤية هذا البند: فهو عن مجموعة لا يديرها.</translation>
    </message>
    <message>
        <source>This item was signed off or closed; it cannot change. A later change to its records opens a new item.</source>
        <translation>اعتُمد هذا البند أو أُغلق؛ لا يمكن تغييره. أي تغيير لاحق في سجلاته يفتح بندًا جديدًا.</translation>
    </message>
    <message>
        <source>The comment is too long (at most {n} characters).</source>
        <translation>التعليق طويل جدًا (الحد الأقصى {n} حرفًا).</translation>
    </message>
    <message>
        <source>Write a comment first.</source>
        <translation>اكتب تعليقًا أولًا.</translation>
    </message>
    <message>
        <source>Closing without action needs a reason.</source>
        <translation>الإغلاق دون إجراء يحتاج إلى سبب.</translation>
    </message>
    <message>
        <source>The records behind this item changed; refresh the queue first.</source>
        <translation>تغيّرت سجلات هذا البند؛ حدّث القائمة أولًا.</translation>
    </message>
    <message>
        <source>There is no such group.</source>
        <translation>لا توجد مجموعة كهذه.</translation>
    </message>
    <message>
        <source>{n} item(s) of this month are still open; sign off or close each one first.</source>
        <translation>ما زال {n} من بنود هذا الشهر مفتوحًا؛ اعتمد كل بند أو أغلقه أولًا.</translation>
    </message>
    <message>
        <source>This month of the group was already signed off.</source>
        <translation>اعتُمد هذا الشهر من المجموعة من قبل.</translation>
    </message>
    <message>
        <source>Incident needing follow-up</source>
        <translation>حادثة تحتاج إلى متابعة</translation>
    </message>
    <message>
        <source>Safety opened in a session</source>
        <translation>فُتحت السلامة في جلسة</translation>
    </message>
    <message>
        <source>Session left out part of its script</source>
        <translation>جلسة أغفلت جزءًا من نصها</translation>
    </message>
    <message>
        <source>Attendance falling</source>
        <translation>الحضور في تراجع</translation>
    </message>
    <message>
        <source>No session for a while</source>
        <translation>لا جلسات منذ مدة</translation>
    </message>
    <message>
        <source>Two versions of a record</source>
        <translation>نسختان من سجل واحد</translation>
    </message>
    <message>
        <source>Two versions of a record: say which one to keep (this store's version: local; the one that arrived: incoming).</source>
        <translation>نسختان من سجلّ: حدّد أيّهما تبقى (نسخة هذا المخزن: local؛ النسخة التي وصلت: incoming).</translation>
    </message>
    <message>
        <source>Only an item about two versions of a record takes a version.</source>
        <translation>لا يُختار نسخة إلا لبند عن نسختين من سجلّ.</translation>
    </message>
    <message>
        <source>Unknown two-person action '{action}'.</source>
        <translation>الإجراء '{action}' ليس من الإجراءات التي تتطلب شخصين.</translation>
    </message>
    <message>
        <source>Unknown review setting '{k}'.</source>
        <translation>إعداد المراجعة '{k}' غير معروف.</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>The disk is full: the backup {path} could not be written. The store itself is unchanged.</source>
        <translation>القرص ممتلئ: تعذّرت كتابة النسخة الاحتياطية {path}. المخزن نفسه لم يتغير.</translation>
    </message>
    <message>
        <source>The backup {path} failed: {reason}.</source>
        <translation>فشلت النسخة الاحتياطية {path}: {reason}.</translation>
    </message>
    <message>
        <source>The copy {path} does not open with its key: it is damaged.</source>
        <translation>النسخة {path} لا تُفتح بمفتاحها: إنها تالفة.</translation>
    </message>
    <message>
        <source>The copy {path} failed its integrity check: {problem}</source>
        <translation>لم تجتز النسخة {path} فحص السلامة: {problem}</translation>
    </message>
    <message>
        <source>The backup holds an empty database (no tables at all); it was not restored.</source>
        <translation>النسخة الاحتياطية تحتوي قاعدة بيانات فارغة (بلا أي جداول)؛ لم تُستعَد.</translation>
    </message>
    <message>
        <source>The backup is not a complete Facilitator store (missing: {tables}); it was not restored.</source>
        <translation>النسخة الاحتياطية ليست مخزن Facilitator كاملًا (ينقصها: {tables})؛ لم تُستعَد.</translation>
    </message>
    <message>
        <source>The backup's schema version ({revision}) is not one this version of Facilitator knows; it was not restored. A newer version may have written it.</source>
        <translation>إصدار مخطط النسخة الاحتياطية ({revision}) غير معروف لهذا الإصدار من Facilitator؛ لم تُستعَد. ربما كتبها إصدار أحدث.</translation>
    </message>
    <message>
        <source>There is no backup at {path}.</source>
        <translation>لا توجد نسخة احتياطية في {path}.</translation>
    </message>
    <message>
        <source>{path} is the live store itself, not a backup.</source>
        <translation>{path} هو المخزن الحالي نفسه، وليس نسخة احتياطية.</translation>
    </message>
    <message>
        <source>The backup {path} is empty or far too small to be a store; nothing was restored.</source>
        <translation>النسخة الاحتياطية {path} فارغة أو أصغر بكثير من أن تكون مخزنًا؛ لم يُستعَد شيء.</translation>
    </message>
    <message>
        <source>The restore was cancelled; the store was not changed.</source>
        <translation>أُلغيت الاستعادة؛ لم يتغيّر المخزن.</translation>
    </message>
    <message>
        <source>The key does not open this database, or the file is not a Facilitator store.</source>
        <translation>المفتاح لا يفتح قاعدة البيانات هذه، أو أن الملف ليس مخزنًا لتطبيق الميسّر.</translation>
    </message>
    <message>
        <source>The store {path} cannot be opened for writing: its folder or file is read-only (or not accessible). Nothing was changed.</source>
        <translation>لا يمكن فتح المخزن {path} للكتابة: مجلده أو ملفه للقراءة فقط (أو يتعذّر الوصول إليه). لم يُغيَّر شيء.</translation>
    </message>
    <message>
        <source>The database {path} is busy: another program is using it. Close it there and try again. Nothing was changed.</source>
        <translation>قاعدة البيانات {path} مشغولة: يستخدمها برنامج آخر. أغلقه هناك وحاول مجددًا. لم يُغيَّر شيء.</translation>
    </message>
    <message>
        <source>The disk is full, so the store {path} cannot be opened. Nothing was changed; free some space and try again.</source>
        <translation>القرص ممتلئ، لذلك لا يمكن فتح المخزن {path}. لم يُغيَّر شيء؛ أفرغ بعض المساحة وحاول مجددًا.</translation>
    </message>
    <message>
        <source>The database {path} could not be read ({reason}). It was not changed; restore it from a backup if this persists.</source>
        <translation>تعذّرت قراءة قاعدة البيانات {path} ({reason}). لم تُغيَّر؛ استعِدها من نسخة احتياطية إن تكرّر ذلك.</translation>
    </message>
    <message>
        <source>The disk is full, so the last change was not saved. Everything saved before it is intact; free some space and try again.</source>
        <translation>القرص ممتلئ، لذلك لم يُحفظ التغيير الأخير. كل ما حُفظ قبله سليم؛ أفرغ بعض المساحة وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The store is read-only here, so the last change was not saved. Everything saved before it is intact.</source>
        <translation>المخزن هنا للقراءة فقط، لذلك لم يُحفظ التغيير الأخير. كل ما حُفظ قبله سليم.</translation>
    </message>
    <message>
        <source>Part of the database is damaged ({reason}), so this could not be read or saved. Run 'facilitator db check' and restore from a backup.</source>
        <translation>جزء من قاعدة البيانات تالف ({reason})، لذلك تعذّرت القراءة أو الحفظ. شغّل الأمر 'facilitator db check' واستعِد البيانات من نسخة احتياطية.</translation>
    </message>
    <message>
        <source>The disk is full: could not {action} {path}. Nothing was changed; free some space and try again.</source>
        <translation>القرص ممتلئ: تعذّر {action} ‏{path}. لم يتغير شيء؛ أفرغ بعض المساحة وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The folder or file is read-only: could not {action} {path}. Nothing was changed.</source>
        <translation>المجلد أو الملف للقراءة فقط: تعذّر {action} ‏{path}. لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Could not {action} {path}: {reason}.</source>
        <translation>تعذّر {action} ‏{path}: {reason}.</translation>
    </message>
    <message>
        <source>write</source>
        <translation>الكتابة</translation>
    </message>
    <message>
        <source>The key file holds impossible key-derivation settings: it is damaged or was edited.</source>
        <translation>يحتوي ملف المفاتيح على إعدادات اشتقاق مفتاح مستحيلة: إنه تالف أو عُدِّل.</translation>
    </message>
    <message>
        <source>The key file uses an unknown key-derivation method: it is damaged or was written by a newer version of Facilitator.</source>
        <translation>يستخدم ملف المفاتيح طريقة اشتقاق مفتاح غير معروفة: إنه تالف أو كتبه إصدار أحدث من Facilitator.</translation>
    </message>
    <message>
        <source>The key file is damaged: its key check does not match.</source>
        <translation>ملف المفاتيح تالف: فحص المفتاح فيه لا يتطابق.</translation>
    </message>
    <message>
        <source>The passphrase is not correct.</source>
        <translation>عبارة المرور غير صحيحة.</translation>
    </message>
    <message>
        <source>The recovery code does not open this store.</source>
        <translation>رمز الاسترداد لا يفتح هذا المخزن.</translation>
    </message>
    <message>
        <source>The key does not open this key file.</source>
        <translation>المفتاح لا يفتح ملف المفاتيح هذا.</translation>
    </message>
    <message>
        <source>The key file {path} was written by a newer version of Facilitator; update the app to open it.</source>
        <translation>ملف المفاتيح {path} كتبه إصدار أحدث من Facilitator؛ حدّث التطبيق لفتحه.</translation>
    </message>
    <message>
        <source>The key file {path} is damaged or is not a Facilitator key file.</source>
        <translation>ملف المفاتيح {path} تالف أو ليس ملف مفاتيح خاصًا بـ Facilitator.</translation>
    </message>
    <message>
        <source>The key file {path} is missing. Restore it from a backup (it is saved next to every backup).</source>
        <translation>ملف المفاتيح {path} مفقود. استرجعه من نسخة احتياطية (يُحفظ بجانب كل نسخة احتياطية).</translation>
    </message>
    <message>
        <source>create the lock file</source>
        <translation>إنشاء ملف القفل</translation>
    </message>
    <message>
        <source>This store is already open in another Facilitator window or command. Close it there first.</source>
        <translation>هذا المخزن مفتوح بالفعل في نافذة أو أمر آخر من Facilitator. أغلقه هناك أولًا.</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <source>Updating the database to this version of Facilitator failed: {reason}. The database was left at its last good version and a backup was taken before the update.</source>
        <translation>فشل تحديث قاعدة البيانات إلى هذا الإصدار من Facilitator: {reason}. بقيت قاعدة البيانات على آخر إصدار سليم، وأُخذت نسخة احتياطية قبل التحديث.</translation>
    </message>
    <message>
        <source>The recovery code should have {expected} letters and digits but {got} were typed. Check for a missing or extra character.</source>
        <translation>يجب أن يتكون رمز الاسترداد من {expected} حرفًا ورقمًا، لكن كُتب {got}. تحقق من وجود حرف ناقص أو زائد.</translation>
    </message>
    <message>
        <source>Group {n} of the recovery code contains '{ch}', which never appears in recovery codes: please check that group.</source>
        <translation>المجموعة {n} من رمز الاسترداد تحتوي على '{ch}'، وهو لا يظهر أبدًا في رموز الاسترداد: يُرجى التحقق من هذه المجموعة.</translation>
    </message>
    <message>
        <source>Group {n} of the recovery code ({group}) looks mistyped: please check that group.</source>
        <translation>يبدو أن المجموعة {n} من رمز الاسترداد ({group}) كُتبت خطأً: يُرجى التحقق منها.</translation>
    </message>
    <message>
        <source>The passphrase must be at least {n} characters long.</source>
        <translation>يجب أن تتكون عبارة المرور من {n} أحرف على الأقل.</translation>
    </message>
    <message>
        <source>A store already exists at {path}; it was left untouched.</source>
        <translation>يوجد مخزن بالفعل في {path}؛ ولم يُمَسّ.</translation>
    </message>
    <message>
        <source>No system keyring is available on this computer, so the store needs a passphrase. Choose one and keep it safe.</source>
        <translation>لا توجد سلسلة مفاتيح للنظام على هذا الحاسوب، لذلك يحتاج المخزن إلى عبارة مرور. اختر واحدة واحفظها في مكان آمن.</translation>
    </message>
    <message>
        <source>The system keyring did not store the key (it is locked or did not answer), so nothing was created. Unlock the keyring and try again, or give the store a passphrase.</source>
        <translation>لم تحفظ سلسلة مفاتيح النظام المفتاح (إنها مقفلة أو لم تستجب)، لذلك لم يُنشأ شيء. افتح قفل سلسلة المفاتيح وحاول مرة أخرى، أو اختر عبارة مرور للمخزن.</translation>
    </message>
    <message>
        <source>The unfinished key change beside {path} is damaged. Restore the store from a backup.</source>
        <translation>تغيير المفتاح غير المكتمل بجانب {path} تالف. استعد المخزن من نسخة احتياطية.</translation>
    </message>
    <message>
        <source>The database does not open with its key: it is damaged. Restore it from a backup.</source>
        <translation>قاعدة البيانات لا تُفتح بمفتاحها: إنها تالفة. استرجعها من نسخة احتياطية.</translation>
    </message>
    <message>
        <source>The store {path} cannot be opened for writing: {target} is read-only. Nothing was changed.</source>
        <translation>لا يمكن فتح المخزن {path} للكتابة: {target} للقراءة فقط. لم يُغيَّر شيء.</translation>
    </message>
    <message>
        <source>There is no store at {path}.</source>
        <translation>لا يوجد مخزن في {path}.</translation>
    </message>
    <message>
        <source>The database {path} is truncated or empty. Restore it from a backup.</source>
        <translation>قاعدة البيانات {path} مبتورة أو فارغة. استرجعها من نسخة احتياطية.</translation>
    </message>
    <message>
        <source>The database {path} does not open with its own key: it is damaged or was replaced by another file. Restore it from a backup.</source>
        <translation>قاعدة البيانات {path} لا تُفتح بمفتاحها: إنها تالفة أو استُبدل بها ملف آخر. استرجعها من نسخة احتياطية.</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({problem}). It was not changed; restore it from a backup.</source>
        <translation>قاعدة البيانات {path} تالفة ({problem}). لم تتغير؛ استرجعها من نسخة احتياطية.</translation>
    </message>
    <message>
        <source>This store has several users: give the current passphrase, or change a user's passphrase with 'facilitator users passwd'.</source>
        <translation>لهذا المخزن عدة مستخدمين: أدخل عبارة المرور الحالية، أو غيّر عبارة مرور مستخدم بالأمر ‎'facilitator users passwd'‎.</translation>
    </message>
    <message>
        <source>The passphrase cannot be removed: the system keyring does not hold this store's key, so the passphrase is needed to open it.</source>
        <translation>لا يمكن إزالة عبارة المرور: سلسلة مفاتيح النظام لا تحفظ مفتاح هذا المخزن، لذا ما زالت عبارة المرور لازمة لفتحه.</translation>
    </message>
    <message>
        <source>Changing the key needs the current passphrase.</source>
        <translation>تغيير المفتاح يحتاج إلى عبارة المرور الحالية.</translation>
    </message>
    <message>
        <source>This store has no passphrase. Open it with the recovery code.</source>
        <translation>ليس لهذا المخزن عبارة مرور. افتحه برمز الاسترداد.</translation>
    </message>
    <message>
        <source>The system keyring does not hold the key for this store. Enter the passphrase or the recovery code.</source>
        <translation>سلسلة مفاتيح النظام لا تحفظ مفتاح هذا المخزن. أدخل عبارة المرور أو رمز الاسترداد.</translation>
    </message>
    <message>
        <source>No system keyring holds the key here. Enter the passphrase or the recovery code.</source>
        <translation>لا توجد هنا سلسلة مفاتيح نظام تحفظ المفتاح. أدخل عبارة المرور أو رمز الاسترداد.</translation>
    </message>
    <message>
        <source>No output file was given.</source>
        <translation>لم يُحدَّد ملف للحفظ.</translation>
    </message>
    <message>
        <source>{path} belongs to the store {store} (its database, key file, lock or backups); nothing was written. Choose another file name.</source>
        <translation>{path} جزء من المخزن {store} (قاعدة بياناته أو ملف مفاتيحه أو قفله أو نسخه الاحتياطية)؛ لم يُكتب شيء. اختر اسم ملف آخر.</translation>
    </message>
    <message>
        <source>{path} cannot be used: {reason}.</source>
        <translation>لا يمكن استخدام {path}: {reason}.</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name inside it.</source>
        <translation>{path} مجلد؛ اكتب اسم ملف داخله.</translation>
    </message>
    <message>
        <source>{path} is a device, pipe or socket, not a file; nothing was written.</source>
        <translation>{path} جهاز أو أنبوب أو مقبس وليس ملفًا؛ لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>{path} already exists; nothing was written. Choose another name, or confirm that it may be replaced (--force on the command line).</source>
        <translation>{path} موجود مسبقًا؛ لم يُكتب شيء. اختر اسمًا آخر، أو أكّد أنه يجوز استبداله (--force في سطر الأوامر).</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>المجلد {folder} غير موجود.</translation>
    </message>
    <message>
        <source>The folder {folder} is read-only, so {path} cannot be written.</source>
        <translation>المجلد {folder} للقراءة فقط، لذلك لا يمكن كتابة {path}.</translation>
    </message>
    <message>
        <source>check</source>
        <translation>فحص</translation>
    </message>
    <message>
        <source>move aside</source>
        <translation>نقل جانبًا</translation>
    </message>
    <message>
        <source>A write-ahead log that does not belong to this store was found beside it and moved aside as {path}; the store itself was not changed.</source>
        <translation>وُجد بجانب المخزن سجلّ كتابة مسبقة (WAL) لا يخصّه، فنُقل جانبًا باسم {path}؛ لم يتغيّر المخزن نفسه.</translation>
    </message>
    <message>
        <source>The audit log is append-only: an entry cannot be deleted.</source>
        <translation>سجل التدقيق للإضافة فقط: لا يمكن حذف قيد.</translation>
    </message>
    <message>
        <source>The audit log is append-only: an entry cannot be changed.</source>
        <translation>سجل التدقيق للإضافة فقط: لا يمكن تغيير قيد.</translation>
    </message>
    <message>
        <source>The audit log is intact ({n} entries).</source>
        <translation>سجل التدقيق سليم ({n} قيدًا).</translation>
    </message>
    <message>
        <source>The audit log has been tampered with: entry {seq} ({problem}).</source>
        <translation>جرى العبث بسجل التدقيق: القيد {seq} ({problem}).</translation>
    </message>
    <message>
        <source>missing: the entries before this one were removed</source>
        <translation>ناقص: حُذفت القيود التي قبله</translation>
    </message>
    <message>
        <source>out of sequence</source>
        <translation>خارج التسلسل</translation>
    </message>
    <message>
        <source>it does not follow the entry before it: an entry was removed, inserted or moved</source>
        <translation>لا يتبع القيد الذي قبله: حُذف قيد أو أُدرج أو نُقل</translation>
    </message>
    <message>
        <source>its content was changed</source>
        <translation>تغيّر محتواه</translation>
    </message>
    <message>
        <source>missing: entries at the end of the log were removed</source>
        <translation>ناقص: حُذفت قيود من آخر السجل</translation>
    </message>
    <message>
        <source>it differs from the last entry remembered beside the store</source>
        <translation>يختلف عن آخر قيد محفوظ بجانب المخزن</translation>
    </message>
    <message>
        <source>found broken when the store was unlocked; see entry {seq}</source>
        <translation>وُجد معطوبًا عند فتح المخزن؛ انظر القيد {seq}</translation>
    </message>
    <message>
        <source>Internal error: the database key has the wrong length.</source>
        <translation>خطأ داخلي: طول مفتاح قاعدة البيانات غير صحيح.</translation>
    </message>
    <message>
        <source>SQLCipher is not available: refusing to open an unencrypted store.</source>
        <translation>مكتبة SQLCipher غير متاحة: لن يُفتح مخزن غير مشفّر.</translation>
    </message>
    <message>
        <source>Internal error: wrapping a key that is not this store's.</source>
        <translation>خطأ داخلي: محاولة تغليف مفتاح لا يخص هذا المخزن.</translation>
    </message>
</context>
<context>
    <name>textcheck</name>
    <message>
        <source>The group name</source>
        <extracomment>(column, what the message calls it, limit, multiline, required)</extracomment>
        <translation>اسم المجموعة</translation>
    </message>
    <message>
        <source>The co-facilitator</source>
        <translation>الميسّر المشارك</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>The alias</source>
        <translation>الاسم المستعار</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>الملاحظة</translation>
    </message>
    <message>
        <source>The incident description</source>
        <translation>وصف الحادثة</translation>
    </message>
    <message>
        <source>The follow-up note</source>
        <translation>ملاحظة المتابعة</translation>
    </message>
    <message>
        <source>The resource name</source>
        <translation>اسم الجهة</translation>
    </message>
    <message>
        <source>The resource hours</source>
        <translation>ساعات عمل الجهة</translation>
    </message>
    <message>
        <source>The resource language</source>
        <translation>لغة الجهة</translation>
    </message>
    <message>
        <source>The resource notes</source>
        <translation>ملاحظات الجهة</translation>
    </message>
    <message>
        <source>The trainee's label</source>
        <translation>تسمية المتدرّب</translation>
    </message>
    <message>
        <source>A group rule</source>
        <translation>قاعدة المجموعة</translation>
    </message>
    <message>
        <source>A group rule must be text.</source>
        <translation>يجب أن تكون قاعدة المجموعة نصاً.</translation>
    </message>
    <message>
        <source>{what} must be text.</source>
        <extracomment>Invisible characters that arrive by themselves from editors and keyboards: removed.</extracomment>
        <translation>يجب أن يكون {what} نصاً.</translation>
    </message>
    <message>
        <source>{what} contains an invisible control character (U+{code} {name}); remove it and try again.</source>
        <translation>يحتوي {what} على محرف تحكم غير مرئي (U+{code} {name})؛ احذفه ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>{what} is empty.</source>
        <translation>{what} فارغ.</translation>
    </message>
    <message>
        <source>{what} is {length} characters long; the limit is {limit}.</source>
        <translation>طول {what} {length} محرفاً؛ والحد الأقصى {limit}.</translation>
    </message>
</context>
<context>
    <name>users</name>
    <message>
        <source>There is no user called {name} on this store.</source>
        <translation>لا يوجد مستخدم باسم {name} في هذا المخزن.</translation>
    </message>
    <message>
        <source>Signing in as {name} needs that user's passphrase (--passphrase-file FILE).</source>
        <translation>الدخول باسم {name} يحتاج إلى عبارة مروره (--passphrase-file FILE).</translation>
    </message>
    <message>
        <source>The passphrase is not correct for {name}.</source>
        <translation>عبارة المرور غير صحيحة لـ {name}.</translation>
    </message>
    <message>
        <source>You cannot remove yourself.</source>
        <translation>لا يمكنك إزالة نفسك.</translation>
    </message>
    <message>
        <source>You cannot approve your own removal.</source>
        <translation>لا يمكنك الموافقة على إزالتك أنت.</translation>
    </message>
    <message>
        <source>The user's passphrase no longer opens this store. If they may have kept a copy of the key file, change the database key now (facilitator db rekey).</source>
        <translation>لم تعد عبارة مرور المستخدم تفتح هذا المخزن. إن كان قد يحتفظ بنسخة من ملف المفاتيح، فغيّر مفتاح قاعدة البيانات الآن (facilitator db rekey).</translation>
    </message>
    <message>
        <source>A user name is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.</source>
        <translation>اسم المستخدم من 1 إلى 64 حرفًا أو رقمًا أو نقطة أو شرطة أو شرطة سفلية، ويبدأ بحرف أو رقم.</translation>
    </message>
    <message>
        <source>Roles must be one or more of: facilitator, supervisor, trainer, administrator.</source>
        <translation>يجب أن تكون الأدوار واحدًا أو أكثر من: ميسّر، مشرف، مدرّب، مدير.</translation>
    </message>
    <message>
        <source>There is already a user called {name}.</source>
        <translation>يوجد مستخدم باسم {name} من قبل.</translation>
    </message>
    <message>
        <source>There is no such user.</source>
        <translation>لا يوجد مستخدم كهذا.</translation>
    </message>
    <message>
        <source>{name} is the last administrator and cannot be removed.</source>
        <translation>{name} هو آخر مدير ولا يمكن إزالته.</translation>
    </message>
    <message>
        <source>{name} has no passphrase on this store.</source>
        <translation>ليس لـ {name} عبارة مرور في هذا المخزن.</translation>
    </message>
</context>
</TS>
