<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
  <context>
    <name>ActivityStack</name>
    <message>
      <source>Nothing to record in this step.</source>
      <translation>لا شيء يُسجَّل في هذه الخطوة.</translation>
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
      <source>Present: %1</source>
      <translation>الحضور: %1</translation>
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
  </context>
  <context>
    <name>ScorePanel</name>
    <message>
      <source>Check-in: how are you, from 0 to 10?</source>
      <translation>بداية الجلسة: كيف حالك من 0 إلى 10؟</translation>
    </message>
    <message>
      <source>Check-out: how are you now, from 0 to 10?</source>
      <translation>نهاية الجلسة: كيف حالك الآن من 0 إلى 10؟</translation>
    </message>
    <message>
      <source>Tap a number, or type it and press Enter to go to the next person. P records a pass.</source>
      <translation>اضغط رقمًا، أو اكتبه ثم اضغط Enter للانتقال إلى الشخص التالي. الحرف P يسجّل تخطّيًا.</translation>
    </message>
    <message>
      <source>Pass</source>
      <translation>تخطٍّ</translation>
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
  </context>
</TS>