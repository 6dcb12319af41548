<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
    <context>
        <name>AnnotationCommands</name>
        <message>
            <location filename="../reader/gui/annotations/annotation_commands.py" line="40" />
            <source>Highlight</source>
            <extracomment>QUndoCommand.id() of note edits: consecutive edits of one note merge into one undo step.</extracomment>
            <translation>تظليل</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_commands.py" line="82" />
            <source>Change colour</source>
            <translation>تغيير اللون</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_commands.py" line="89" />
            <source>Change style</source>
            <translation>تغيير النمط</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_commands.py" line="96" />
            <source>Edit tags</source>
            <translation>تعديل الوسوم</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_commands.py" line="105" />
            <source>Edit note</source>
            <translation>تعديل الملاحظة</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_commands.py" line="122" />
            <source>Delete highlight</source>
            <translation>حذف التظليل</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_commands.py" line="138" />
            <source>Re-attach highlight</source>
            <translation>إعادة ربط التظليل</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_commands.py" line="154" />
            <source>Edit article note</source>
            <translation>تعديل ملاحظة المقال</translation>
        </message>
    </context>
    <context>
        <name>AnnotationController</name>
        <message>
            <location filename="../reader/gui/annotations/controller.py" line="65" />
            <source>Colour &amp;Labels…</source>
            <translation>&amp;تسميات الألوان…</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/controller.py" line="69" />
            <source>&amp;Notes Panel</source>
            <translation>لوحة ال&amp;ملاحظات</translation>
        </message>
    </context>
    <context>
        <name>AnnotationPanel</name>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="66" />
            <source>Notes</source>
            <translation>الملاحظات</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="91" />
            <source>Article note</source>
            <translation>ملاحظة على المقال</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="98" />
            <source>Your note on the whole article (Markdown)…</source>
            <translation>ملاحظتك على المقال كله (ماركداون)…</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="108" />
            <source>Filter highlights…</source>
            <translation>تصفية التظليلات…</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="119" />
            <source>By position</source>
            <translation>حسب الموضع</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="120" />
            <source>Newest first</source>
            <translation>الأحدث أولًا</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="125" />
            <source>Edit colour labels…</source>
            <translation>تحرير تسميات الألوان…</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="166" />
            <location filename="../reader/gui/annotations/annotation_panel.py" line="571" />
            <source>Delete Highlight</source>
            <translation>حذف التظليل</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="206" />
            <source>Underline instead of background</source>
            <translation>خط تحت النص بدل تظليل الخلفية</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="212" />
            <source>Note (Markdown)…</source>
            <translation>ملاحظة (ماركداون)…</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="218" />
            <source>Tags, separated by commas</source>
            <translation>وسوم، تفصل بينها فواصل</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="222" />
            <location filename="../reader/gui/annotations/annotation_panel.py" line="597" />
            <source>Re-attach to Selection</source>
            <translation>إعادة الربط بالتحديد</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="225" />
            <source>Select the passage in the article, then re-attach this highlight to it</source>
            <translation>حدّد المقطع في المقال، ثم أعد ربط هذا التظليل به</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="228" />
            <source>Delete</source>
            <translation>حذف</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="246" />
            <source>All colours</source>
            <translation>كل الألوان</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="334" />
            <source>All tags</source>
            <translation>كل الوسوم</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="375" />
            <source>No article open.</source>
            <translation>لا مقال مفتوح.</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="379" />
            <source>No highlights yet. Select a passage in the article and pick a colour (Ctrl+1 … Ctrl+6).</source>
            <translation>لا تظليلات بعد. حدّد مقطعًا في المقال واختر لونًا (⁦Ctrl+1 … Ctrl+6⁩).</translation>
        </message>
        <message numerus="yes">
            <location filename="../reader/gui/annotations/annotation_panel.py" line="383" />
            <source>%Ln highlight(s)</source>
            <translation>
                <numerusform>لا تظليلات</numerusform>
                <numerusform>تظليل واحد</numerusform>
                <numerusform>تظليلان</numerusform>
                <numerusform>%Ln تظليلات</numerusform>
                <numerusform>%Ln تظليلًا</numerusform>
                <numerusform>%Ln تظليل</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="386" />
            <source>%1 of %2 highlights</source>
            <translation>%1 من %2 تظليلًا</translation>
        </message>
        <message numerus="yes">
            <location filename="../reader/gui/annotations/annotation_panel.py" line="390" />
            <source>Orphans: %Ln highlight(s) whose passage is no longer in the text</source>
            <translation>
                <numerusform>تظليلات يتيمة: لا شيء</numerusform>
                <numerusform>تظليلات يتيمة: تظليل واحد لم يعد مقطعه في النص</numerusform>
                <numerusform>تظليلات يتيمة: تظليلان لم يعد مقطعاهما في النص</numerusform>
                <numerusform>تظليلات يتيمة: %Ln تظليلات لم تعد مقاطعها في النص</numerusform>
                <numerusform>تظليلات يتيمة: %Ln تظليلًا لم تعد مقاطعها في النص</numerusform>
                <numerusform>تظليلات يتيمة: %Ln تظليل لم تعد مقاطعها في النص</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="78" />
            <source>¶ %1</source>
            <translation>¶ %1</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="572" />
            <source>Delete this highlight and its note?

“%1”</source>
            <translation>أتحذف هذا التظليل وملاحظته؟

«%1»</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="601" />
            <source>Show in Article</source>
            <translation>إظهار في المقال</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/annotation_panel.py" line="602" />
            <source>Edit Note</source>
            <translation>تحرير الملاحظة</translation>
        </message>
        <message>
            <source>Underline</source>
            <translation>تسطير</translation>
        </message>
        <message>
            <source>Edited at the same time by %1: %2</source>
            <translation>عُدِّل في الوقت نفسه بيد %1: %2</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../reader/gui/app.py" line="132" />
            <source>Hawamish</source>
            <translation>هوامش</translation>
        </message>
        <message>
            <location filename="../reader/gui/app.py" line="137" />
            <source>Something went wrong. Your library is safe; the last action may not have finished.</source>
            <translation>حدث خطأ ما. مكتبتك سليمة، لكن آخر إجراء ربما لم يكتمل.</translation>
        </message>
    </context>
    <context>
        <name>ArticleTagsDialog</name>
        <message>
            <source>Add tags, separated by commas</source>
            <translation>أضف وسومًا تفصل بينها فواصل</translation>
        </message>
        <message>
            <source>Article Tags</source>
            <translation>وسوم المقالات</translation>
        </message>
        <message>
            <source>The selected articles have no tags yet.</source>
            <translation>لا وسوم على المقالات المحددة بعد.</translation>
        </message>
        <message numerus="yes">
            <source>Tags of %Ln selected article(s):</source>
            <translation>
                <numerusform>وسوم المقالات المحددة:</numerusform>
                <numerusform>وسوم المقال المحدد:</numerusform>
                <numerusform>وسوم المقالين المحددين:</numerusform>
                <numerusform>وسوم المقالات المحددة (%Ln مقالات):</numerusform>
                <numerusform>وسوم المقالات المحددة (%Ln مقالًا):</numerusform>
                <numerusform>وسوم المقالات المحددة (%Ln مقال):</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CollectionsController</name>
        <message>
            <source>&amp;New Collection…</source>
            <translation>مجموعة &amp;جديدة…</translation>
        </message>
        <message>
            <source>&amp;Rename…</source>
            <translation>إعادة ت&amp;سمية…</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>ح&amp;ذف…</translation>
        </message>
        <message>
            <source>New Collection</source>
            <translation>مجموعة جديدة</translation>
        </message>
        <message>
            <source>Name of the new collection:</source>
            <translation>اسم المجموعة الجديدة:</translation>
        </message>
        <message>
            <source>Rename Collection</source>
            <translation>إعادة تسمية المجموعة</translation>
        </message>
        <message>
            <source>New name of the collection {name}:</source>
            <translation>الاسم الجديد للمجموعة {name}:</translation>
        </message>
        <message>
            <source>Delete Collection</source>
            <translation>حذف المجموعة</translation>
        </message>
        <message>
            <source>Delete the collection {name}?</source>
            <translation>أتحذف المجموعة {name}؟</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>احذف</translation>
        </message>
        <message numerus="yes">
            <source>Its %Ln article(s) stay in the library.</source>
            <translation>
                <numerusform>المجموعة فارغة.</numerusform>
                <numerusform>يبقى مقالها الوحيد في المكتبة.</numerusform>
                <numerusform>يبقى مقالاها في المكتبة.</numerusform>
                <numerusform>تبقى مقالاتها (%Ln مقالات) في المكتبة.</numerusform>
                <numerusform>تبقى مقالاتها (%Ln مقالًا) في المكتبة.</numerusform>
                <numerusform>تبقى مقالاتها (%Ln مقال) في المكتبة.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CollectionsPanel</name>
        <message>
            <source>Collections</source>
            <translation>المجموعات</translation>
        </message>
        <message>
            <source>All articles</source>
            <translation>كل المقالات</translation>
        </message>
        <message numerus="yes">
            <source>%Ln article(s)</source>
            <translation>
                <numerusform>لا مقالات</numerusform>
                <numerusform>مقال واحد</numerusform>
                <numerusform>مقالان</numerusform>
                <numerusform>%Ln مقالات</numerusform>
                <numerusform>%Ln مقالًا</numerusform>
                <numerusform>%Ln مقال</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ColorChips</name>
        <message>
            <location filename="../reader/gui/common/color_chips.py" line="61" />
            <source>Include the highlights labelled “{name}”</source>
            <translation>تضمين التظليلات ذات التسمية «{name}»</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../reader/messages.py" line="24" />
            <source>no such file or folder</source>
            <translation>لا يوجد ملف أو مجلد بهذا الاسم</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="25" />
            <source>cannot be read</source>
            <translation>تتعذّر قراءته</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="26" />
            <source>the file is empty (no text in it)</source>
            <translation>الملف فارغ (لا نص فيه)</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="27" />
            <source>this is a binary file, not text</source>
            <translation>هذا ملف ثنائي وليس نصًّا</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="28" />
            <source>the text encoding could not be recognised</source>
            <translation>تعذّر التعرّف على ترميز النص</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="29" />
            <source>the file is too large to import</source>
            <translation>الملف أكبر من أن يُستورد</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="30" />
            <source>this file type is not supported</source>
            <translation>نوع الملف هذا غير مدعوم</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="31" />
            <source>the file is damaged or not in the expected format</source>
            <translation>الملف تالف أو ليس بالصيغة المتوقعة</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="32" />
            <source>not found</source>
            <translation>غير موجود</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="33" />
            <source>the quoted text is not in the article</source>
            <translation>النص المقتبس غير موجود في المقال</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="37" />
            <source>the range is outside the article's text</source>
            <translation>المدى خارج نص المقال</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="43" />
            <source>the search query is not valid</source>
            <translation>عبارة البحث غير صالحة</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="59" />
            <source>the search index is busy in another Hawamish window; try again</source>
            <translation>فهرس البحث مشغول في نافذة أخرى من هوامش؛ أعد المحاولة</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="62" />
            <source>cannot write there</source>
            <translation>تتعذّر الكتابة هناك</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="63" />
            <source>the disk is full</source>
            <translation>القرص ممتلئ</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="64" />
            <source>cancelled</source>
            <translation>أُلغي</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="65" />
            <source>this library was written by a newer Hawamish</source>
            <translation>كُتبت هذه المكتبة بإصدار أحدث من هوامش</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="66" />
            <source>the library database is damaged</source>
            <translation>قاعدة بيانات المكتبة تالفة</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="34" />
            <source>the quoted text occurs more than once; choose one with --occurrence</source>
            <translation>النص المقتبس يتكرر أكثر من مرة؛ اختر واحدًا منها بـ ‎--occurrence‎</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="38" />
            <source>no colour label has that key</source>
            <translation>لا توجد تسمية لون بهذا المفتاح</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="39" />
            <source>a colour must be written #rrggbb</source>
            <translation>يُكتب اللون بالصيغة ‎#rrggbb‎</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="40" />
            <source>a label key is a short lower-case identifier not used by another label</source>
            <translation>مفتاح التسمية معرّف قصير بأحرف لاتينية صغيرة لا تستخدمه تسمية أخرى</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="44" />
            <source>the query is empty</source>
            <translation>عبارة البحث فارغة</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="45" />
            <source>a quotation mark (") is not closed</source>
            <translation>علامة تنصيص (") غير مغلقة</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="46" />
            <source>a ')' has no matching '('</source>
            <translation>القوس «)» بلا «(» يقابله</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="47" />
            <source>a '(' is not closed</source>
            <translation>قوس «(» غير مغلق</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="48" />
            <source>unknown field '{token}' (use one of {fields})</source>
            <translation>لا يوجد حقل «{token}»؛ استخدم واحدًا من: ‎{fields}‎</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="51" />
            <source>{token} needs a word on each side</source>
            <translation>يحتاج {token} إلى كلمة على كل جانب</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="52" />
            <source>NOT needs a word after it</source>
            <translation>يحتاج NOT إلى كلمة بعده</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="53" />
            <source>{token} needs a value after it</source>
            <translation>يحتاج ‎{token}‎ إلى قيمة بعده</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="54" />
            <source>'{token}' needs a word after it</source>
            <translation>تحتاج العلامة «{token}» إلى كلمة بعدها مباشرة</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="55" />
            <source>a prefix search needs at least 2 letters before '*': {token}</source>
            <translation>البحث بالبادئة يحتاج إلى حرفين على الأقل قبل «*»: ‎{token}‎</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="58" />
            <source>unknown kind '{token}' (use one of {kinds})</source>
            <translation>لا يوجد نوع «{token}»؛ استخدم واحدًا من: ‎{kinds}‎</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="59" />
            <source>'{token}' is not a date: write 2024, 2024-03 or 2024-03-22 (ranges: 2014..2016)</source>
            <translation>«{token}» ليس تاريخًا: اكتب ‎2024‎ أو ‎2024-03‎ أو ‎2024-03-22‎ (وللمدى: ‎2014..2016‎)</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="0" />
            <source>no text layer (scanned pages are not supported)</source>
            <translation>لا توجد طبقة نص (الصفحات الممسوحة ضوئيًا غير مدعومة)</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="0" />
            <source>the file is encrypted or protected (DRM)</source>
            <translation>الملف مشفّر أو محمي (إدارة الحقوق الرقمية)</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="0" />
            <source>no article text was found in the page</source>
            <translation>لم يُعثر على نص مقال في الصفحة</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="0" />
            <source>the archive is unsafe to open (it would unpack to far more than its size)</source>
            <translation>فتح هذا الأرشيف غير آمن (سيتمدد إلى أضعاف حجمه)</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="0" />
            <source>a collection named {name} already exists</source>
            <translation>توجد مجموعة باسم {name} من قبل</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="0" />
            <source>'{value}' is not a valid {field}</source>
            <translation>القيمة ‹{value}› غير صالحة للحقل {field}</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="0" />
            <source>a name cannot be empty</source>
            <translation>لا يمكن أن يكون الاسم فارغًا</translation>
        </message>
        <message>
            <source>a library needed to read this type of file is missing; reinstall Hawamish</source>
            <translation>مكتبة لازمة لقراءة هذا النوع من الملفات غير مثبّتة؛ أعد تثبيت هوامش</translation>
        </message>
        <message>
            <source>this library shares no folder (hawamish share init FOLDER --name NAME)</source>
            <translation>هذه المكتبة لا تشارك أي مجلد (hawamish share init FOLDER --name NAME)</translation>
        </message>
        <message>
            <source>root search is off: turn it on with the search box's root button or hawamish reindex --roots on (the index is rebuilt once, with the roots)</source>
            <translation>البحث بالجذر غير مفعّل: فعّله بزر الجذر في مربع البحث أو بالأمر hawamish reindex --roots on (يُعاد بناء الفهرس مرة واحدة بالجذور)</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="102" />
            <source>Export Notes</source>
            <translation>تصدير الملاحظات</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="126" />
            <source>Export progress</source>
            <translation>تقدّم التصدير</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="133" />
            <source>Export…</source>
            <translation>تصدير…</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="137" />
            <source>Stop Export</source>
            <translation>إيقاف التصدير</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="141" />
            <source>Close</source>
            <translation>إغلاق</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="157" />
            <source>Articles</source>
            <translation>المقالات</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="161" />
            <source>All articles tagged</source>
            <translation>كل المقالات الموسومة بـ</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="188" />
            <location filename="../reader/gui/export/export_dialog.py" line="337" />
            <source>Notes</source>
            <translation>الملاحظات</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="196" />
            <source>Position in the article</source>
            <translation>الموضع في المقال</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="197" />
            <source>Date of the highlight</source>
            <translation>تاريخ التظليل</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="199" />
            <source>Colour labels:</source>
            <translation>تسميات الألوان:</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="200" />
            <source>Tag:</source>
            <translation>الوسم:</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="201" />
            <source>Order:</source>
            <translation>الترتيب:</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="207" />
            <source>Format</source>
            <translation>الصيغة</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="213" />
            <source>Include the article text with the highlights marked</source>
            <translation>تضمين نص المقال مع إبراز التظليلات</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="218" />
            <source>A4</source>
            <translation>A4</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="219" />
            <source>US Letter</source>
            <translation>رسالة أمريكية (⁨Letter⁩)</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="226" />
            <source>Page size:</source>
            <translation>حجم الصفحة:</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="229" />
            <source>File type:</source>
            <translation>نوع الملف:</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="238" />
            <source>PDF document</source>
            <translation>مستند PDF</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="239" />
            <source>Markdown</source>
            <translation>ماركداون</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="240" />
            <source>Web page (HTML)</source>
            <translation>صفحة ويب (HTML)</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="241" />
            <source>Spreadsheet (CSV)</source>
            <translation>جدول بيانات (CSV)</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="242" />
            <source>W3C Web Annotation (JSON)</source>
            <translation>تعليقات ويب W3C ‏(JSON)</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="260" />
            <source>This article: {title}</source>
            <translation>هذا المقال: {title}</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="264" />
            <source>This article (none is open)</source>
            <translation>هذا المقال (لا مقال مفتوح)</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="268" />
            <source>The articles selected in the library ({count})</source>
            <translation>المقالات المحددة في المكتبة ({count})</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="272" />
            <source>The whole library (articles: {count})</source>
            <translation>المكتبة كلها (المقالات: {count})</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="276" />
            <source>Any tag</source>
            <translation>أي وسم</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="281" />
            <source>(no tags yet)</source>
            <translation>(لا وسوم بعد)</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="343" />
            <source>Notes tagged {tag}</source>
            <translation>الملاحظات الموسومة {tag}</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="345" />
            <source>Hawamish notes</source>
            <translation>ملاحظات هوامش</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="360" />
            <source>Choose at least one colour label.</source>
            <translation>اختر تسمية لون واحدة على الأقل.</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="376" />
            <source>Export Notes To</source>
            <translation>تصدير الملاحظات إلى</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="419" />
            <source>Exporting to {name}…</source>
            <translation>جارٍ التصدير إلى {name}…</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="426" />
            <source>Stopping the export…</source>
            <translation>جارٍ إيقاف التصدير…</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="445" />
            <source>Exported to {name}.</source>
            <translation>صُدّرت إلى {name}.</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="448" />
            <source>Export Finished</source>
            <translation>انتهى التصدير</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="454" />
            <source>The notes were exported to {path}</source>
            <translation>صُدّرت الملاحظات إلى {path}</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="456" />
            <source>Articles: {articles} · highlights: {highlights}</source>
            <translation>المقالات: {articles} · التظليلات: {highlights}</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="460" />
            <source>Open File</source>
            <translation>فتح الملف</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="461" />
            <source>Show in Folder</source>
            <translation>إظهار في المجلد</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="473" />
            <source>Export stopped; no file was written.</source>
            <translation>توقف التصدير؛ لم يُكتب أي ملف.</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="483" />
            <source>Export Failed</source>
            <translation>فشل التصدير</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="484" />
            <source>The notes could not be exported to {path}.</source>
            <translation>تعذّر تصدير الملاحظات إلى {path}.</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_dialog.py" line="490" />
            <source>Export failed: {reason}</source>
            <translation>فشل التصدير: {reason}</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_controller.py" line="49" />
            <source>&amp;Export Notes…</source>
            <translation>&amp;تصدير الملاحظات…</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_controller.py" line="54" />
            <source>Export highlights and notes to PDF, Markdown, HTML, CSV or JSON</source>
            <translation>صدّر التظليلات والملاحظات إلى PDF أو ماركداون أو HTML أو CSV أو JSON</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_controller.py" line="62" />
            <source>Export Notes of This Article…</source>
            <translation>تصدير ملاحظات هذا المقال…</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_preview.py" line="114" />
            <source>Hawamish cannot write there: the folder is read-only, missing or not a folder. Choose another place.</source>
            <translation>لا يستطيع هوامش الكتابة هناك: المجلد للقراءة فقط، أو غير موجود، أو ليس مجلدًا. اختر مكانًا آخر.</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_preview.py" line="120" />
            <source>The disk is full. Free some space or choose another disk.</source>
            <translation>القرص ممتلئ. أفرغ بعض المساحة أو اختر قرصًا آخر.</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_preview.py" line="122" />
            <source>The export was stopped; no file was written.</source>
            <translation>أُوقف التصدير؛ لم يُكتب أي ملف.</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_preview.py" line="124" />
            <source>An article to export is no longer in the library.</source>
            <translation>أحد المقالات المطلوب تصديرها لم يعد في المكتبة.</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_preview.py" line="127" />
            <source>The file could not be written ({reason}).</source>
            <translation>تعذّرت كتابة الملف ({reason}).</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_preview.py" line="130" />
            <source>An unexpected error stopped the export ({kind}).</source>
            <translation>أوقف خطأ غير متوقع التصدير ({kind}).</translation>
        </message>
        <message>
            <source>Include the highlights and notes of the others in the team</source>
            <translation>تضمين تظليلات الآخرين في الفريق وملاحظاتهم</translation>
        </message>
    </context>
    <context>
        <name>ExportPreview</name>
        <message>
            <location filename="../reader/gui/export/export_preview.py" line="140" />
            <source>Preview</source>
            <translation>معاينة</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_preview.py" line="155" />
            <source>First page of the export</source>
            <translation>الصفحة الأولى من الملف المصدَّر</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_preview.py" line="159" />
            <source>First lines of the exported file</source>
            <translation>الأسطر الأولى من الملف المصدَّر</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_preview.py" line="195" />
            <source>Nothing to preview: choose at least one colour label.</source>
            <translation>لا شيء للمعاينة: اختر تسمية لون واحدة على الأقل.</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_preview.py" line="197" />
            <source>Preparing the preview…</source>
            <translation>جارٍ تحضير المعاينة…</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_preview.py" line="221" />
            <source>Nothing matches these choices: no article in them has highlights with these colour labels and tags.</source>
            <translation>لا شيء يطابق هذه الاختيارات: لا مقال فيها له تظليلات بتسميات الألوان والوسوم هذه.</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_preview.py" line="228" />
            <source>The preview could not be drawn.</source>
            <translation>تعذّر رسم المعاينة.</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_preview.py" line="233" />
            <source>First page</source>
            <translation>الصفحة الأولى</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_preview.py" line="238" />
            <source>First lines of the file</source>
            <translation>الأسطر الأولى من الملف</translation>
        </message>
        <message>
            <location filename="../reader/gui/export/export_preview.py" line="246" />
            <source>No preview: {reason}</source>
            <translation>لا معاينة: {reason}</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>Filter…</source>
            <translation>تصفية…</translation>
        </message>
        <message>
            <source>Titles, authors and outlets that contain these letters (hamza, ta marbuta and harakat aside). Ctrl+Shift+F</source>
            <translation>العناوين والكتّاب والمنابر التي فيها هذه الحروف (بصرف النظر عن الهمزات والتاء المربوطة والحركات). Ctrl+Shift+F</translation>
        </message>
        <message>
            <source>Filters</source>
            <translation>التصفية</translation>
        </message>
        <message>
            <source>Filters: collection, tag, author, outlet, language, date, highlights</source>
            <translation>التصفية: المجموعة، الوسم، الكاتب، المنبر، اللغة، التاريخ، التظليلات</translation>
        </message>
        <message>
            <source>Clear every filter</source>
            <translation>امسح كل عوامل التصفية</translation>
        </message>
    </context>
    <context>
        <name>FilterPopup</name>
        <message>
            <source>Filters</source>
            <translation>التصفية</translation>
        </message>
        <message>
            <source>Any tag</source>
            <translation>كل الوسوم</translation>
        </message>
        <message>
            <source>Any collection</source>
            <translation>كل المجموعات</translation>
        </message>
        <message>
            <source>Any language</source>
            <translation>كل اللغات</translation>
        </message>
        <message>
            <source>Any author</source>
            <translation>أي كاتب</translation>
        </message>
        <message>
            <source>Any outlet</source>
            <translation>أي منبر</translation>
        </message>
        <message>
            <source>Only articles with highlights</source>
            <translation>المقالات التي فيها تظليلات فقط</translation>
        </message>
        <message>
            <source>Clear Filters</source>
            <translation>امسح التصفية</translation>
        </message>
        <message>
            <source>to</source>
            <translation>إلى</translation>
        </message>
        <message>
            <source>Collection:</source>
            <translation>المجموعة:</translation>
        </message>
        <message>
            <source>Tag:</source>
            <translation>الوسم:</translation>
        </message>
        <message>
            <source>Author:</source>
            <translation>الكاتب:</translation>
        </message>
        <message>
            <source>Outlet:</source>
            <translation>المنبر:</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>اللغة:</translation>
        </message>
        <message>
            <source>Published:</source>
            <translation>تاريخ النشر:</translation>
        </message>
        <message>
            <source>Arabic</source>
            <translation>العربية</translation>
        </message>
        <message>
            <source>English</source>
            <translation>الإنجليزية</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <location filename="../reader/gui/reading/find_bar.py" line="59" />
            <location filename="../reader/gui/reading/find_bar.py" line="68" />
            <source>Find in article</source>
            <extracomment>Every match, and the current one (stronger, with an outline-like underline), on the article view.</extracomment>
            <translation>البحث في المقال</translation>
        </message>
        <message>
            <location filename="../reader/gui/reading/find_bar.py" line="75" />
            <source>Previous match (Shift+Enter)</source>
            <translation>التطابق السابق (Shift+Enter)</translation>
        </message>
        <message>
            <location filename="../reader/gui/reading/find_bar.py" line="77" />
            <source>Next match (Enter)</source>
            <translation>التطابق التالي (Enter)</translation>
        </message>
        <message>
            <location filename="../reader/gui/reading/find_bar.py" line="78" />
            <source>Close (Esc)</source>
            <translation>إغلاق (Esc)</translation>
        </message>
        <message>
            <location filename="../reader/gui/reading/find_bar.py" line="156" />
            <source>No matches</source>
            <translation>لا تطابقات</translation>
        </message>
        <message>
            <location filename="../reader/gui/reading/find_bar.py" line="159" />
            <source>%1 of %2</source>
            <translation>%1 من %2</translation>
        </message>
        <message>
            <location filename="../reader/gui/reading/find_bar.py" line="222" />
            <source>&amp;Find in Article…</source>
            <translation>ال&amp;بحث في المقال…</translation>
        </message>
    </context>
    <context>
        <name>ImportFlow</name>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="105" />
            <source>Import Articles</source>
            <extracomment>The list of ImportResult of a finished import (also after a cancel: what was done so far).</extracomment>
            <translation>استيراد مقالات</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="107" />
            <source>Articles ({patterns});;All files (*)</source>
            <translation>المقالات ({patterns});;كل الملفات (*)</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="116" />
            <source>Import a Folder</source>
            <translation>استيراد مجلد</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="197" />
            <source>Import failed</source>
            <translation>فشل الاستيراد</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="211" />
            <source>Imported: {n}</source>
            <translation>المستورد: {n}</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="213" />
            <source>Updated: {n}</source>
            <translation>المحدَّث: {n}</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="215" />
            <source>Already in the library: {n}</source>
            <translation>موجود في المكتبة من قبل: {n}</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="219" />
            <source>Failed: {n}</source>
            <translation>تعذّر استيراده: {n}</translation>
        </message>
        <message numerus="yes">
            <location filename="../reader/gui/library/import_flow.py" line="221" />
            <source>The import was cancelled; %Ln file(s) were not read.</source>
            <translation>
                <numerusform>أُلغي الاستيراد؛ قُرئت الملفات كلها.</numerusform>
                <numerusform>أُلغي الاستيراد؛ لم يُقرأ ملف واحد.</numerusform>
                <numerusform>أُلغي الاستيراد؛ لم يُقرأ ملفان.</numerusform>
                <numerusform>أُلغي الاستيراد؛ لم تُقرأ %Ln ملفات.</numerusform>
                <numerusform>أُلغي الاستيراد؛ لم يُقرأ %Ln ملفًا.</numerusform>
                <numerusform>أُلغي الاستيراد؛ لم يُقرأ %Ln ملف.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="244" />
            <source>Some files could not be imported:</source>
            <translation>تعذّر استيراد بعض الملفات:</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="255" />
            <source>… and {n} more (see the details)</source>
            <translation>… و{n} غيرها (انظر التفاصيل)</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="259" />
            <source>Import finished</source>
            <translation>انتهى الاستيراد</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="83" />
            <source>&amp;Import Files…</source>
            <translation>&amp;استيراد ملفات…</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="89" />
            <source>Add articles from files (you can also drop files or folders on the window)</source>
            <translation>أضف مقالات من ملفات (ويمكنك أيضًا إسقاط ملفات أو مجلدات على النافذة)</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="92" />
            <source>Import &amp;Folder…</source>
            <translation>استيراد م&amp;جلد…</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="94" />
            <source>Add every article in a folder and its subfolders</source>
            <translation>أضف كل المقالات في مجلد ومجلداته الفرعية</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="134" />
            <source>An import is already running: wait for it to finish, or cancel it.</source>
            <translation>يجري استيراد الآن: انتظر حتى ينتهي، أو ألغه.</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="217" />
            <source>Changed since they were imported: {n}</source>
            <translation>تغيّر منذ استيراده: {n}</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="228" />
            <source>{name} — changed since it was imported</source>
            <translation>{name} — تغيّر منذ استيراده</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="248" />
            <source>Some pages are already in the library but their text has changed; Update Them replaces the stored text and keeps the highlights:</source>
            <translation>بعض الصفحات موجودة في المكتبة من قبل لكن نصها تغيّر؛ «تحديثها» يستبدل النص المحفوظ ويُبقي التظليلات:</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_flow.py" line="266" />
            <source>Update Them</source>
            <translation>تحديثها</translation>
        </message>
        <message numerus="yes">
            <source>Metadata from %Ln table(s)</source>
            <translation>
                <numerusform>دون بيانات وصفية من جدول</numerusform>
                <numerusform>بيانات وصفية من جدول واحد</numerusform>
                <numerusform>بيانات وصفية من جدولين</numerusform>
                <numerusform>بيانات وصفية من %Ln جداول</numerusform>
                <numerusform>بيانات وصفية من %Ln جدولًا</numerusform>
                <numerusform>بيانات وصفية من %Ln جدول</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s) of the metadata table matched no file</source>
            <translation>
                <numerusform>لم يبقَ صف في جدول البيانات الوصفية بلا ملف</numerusform>
                <numerusform>صف واحد في جدول البيانات الوصفية لا يطابق أي ملف</numerusform>
                <numerusform>صفان في جدول البيانات الوصفية لا يطابقان أي ملف</numerusform>
                <numerusform>%Ln صفوف في جدول البيانات الوصفية لا تطابق أي ملف</numerusform>
                <numerusform>%Ln صفًا في جدول البيانات الوصفية لا يطابق أي ملف</numerusform>
                <numerusform>%Ln صف في جدول البيانات الوصفية لا يطابق أي ملف</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) had no row in the metadata table</source>
            <translation>
                <numerusform>لكل ملف صف في جدول البيانات الوصفية</numerusform>
                <numerusform>ملف واحد ليس له صف في جدول البيانات الوصفية</numerusform>
                <numerusform>ملفان ليس لهما صف في جدول البيانات الوصفية</numerusform>
                <numerusform>%Ln ملفات ليس لها صف في جدول البيانات الوصفية</numerusform>
                <numerusform>%Ln ملفًا ليس لها صف في جدول البيانات الوصفية</numerusform>
                <numerusform>%Ln ملف ليس لها صف في جدول البيانات الوصفية</numerusform>
            </translation>
        </message>
        <message>
            <source>{table}, line {line}: no file matches {name}</source>
            <translation>{table}، السطر {line}: لا يطابق أي ملف {name}</translation>
        </message>
    </context>
    <context>
        <name>ImportProgressDialog</name>
        <message>
            <location filename="../reader/gui/library/import_progress.py" line="36" />
            <source>Import</source>
            <translation>استيراد</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_progress.py" line="39" />
            <source>Importing articles…</source>
            <translation>جارٍ استيراد المقالات…</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_progress.py" line="52" />
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_progress.py" line="64" />
            <source>Cancelling… the articles read so far are kept.</source>
            <translation>جارٍ الإلغاء… تُحفظ المقالات التي قُرئت حتى الآن.</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_progress.py" line="71" />
            <source>{done} of {total}</source>
            <translation>{done} من {total}</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_progress.py" line="81" />
            <source>Finding the files…</source>
            <translation>جارٍ البحث عن الملفات…</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_progress.py" line="84" />
            <source>Imported: {n}</source>
            <translation>المستورد: {n}</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_progress.py" line="85" />
            <source>Already in the library: {n}</source>
            <translation>موجود في المكتبة من قبل: {n}</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_progress.py" line="86" />
            <source>Failed: {n}</source>
            <translation>تعذّر استيراده: {n}</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/import_progress.py" line="89" />
            <source>Changed since they were imported: {n}</source>
            <translation>تغيّر منذ استيراده: {n}</translation>
        </message>
    </context>
    <context>
        <name>IndexStatus</name>
        <message>
            <location filename="../reader/gui/search/index_service.py" line="395" />
            <source>Saving the search index…</source>
            <translation>جارٍ حفظ فهرس البحث…</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/index_service.py" line="385" />
            <source>Indexing library…</source>
            <extracomment>Changes that arrive within this many milliseconds are written in one batch (one commit). A busy index (another Hawamish process writing) is retried after this many milliseconds. A start-up catch-up of more documents than this (or a missing index over a library this big) is built in a process of its own (index_process.py): a long build in a thread blocks the UI through the GIL. Change kinds that touch indexed documents. Set by the worker the moment the start-up sync returned (or failed): queries started before wait for it on their own worker thread, so the first results never come from a stale index.</extracomment>
            <translation>جارٍ فهرسة المكتبة…</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/index_service.py" line="399" />
            <source>Indexing library… %1 of %2</source>
            <translation>جارٍ فهرسة المكتبة… %1 من %2</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/index_service.py" line="407" />
            <source>The search index could not be updated; searches may miss recent changes.</source>
            <translation>تعذّر تحديث فهرس البحث؛ قد لا تظهر التغييرات الأخيرة في نتائج البحث.</translation>
        </message>
    </context>
    <context>
        <name>LabelEditorDialog</name>
        <message>
            <location filename="../reader/gui/annotations/label_editor.py" line="33" />
            <source>Colour Labels</source>
            <translation>تسميات الألوان</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/label_editor.py" line="44" />
            <source>What each highlight colour means. Renaming or recolouring a label changes every highlight that uses it.</source>
            <translation>ما يعنيه كل لون من ألوان التظليل. تغيير اسم التسمية أو لونها يغيّر كل تظليل يستخدمها.</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/label_editor.py" line="57" />
            <source>Choose a colour</source>
            <translation>اختر لونًا</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/label_editor.py" line="86" />
            <source>Label colour</source>
            <translation>لون التسمية</translation>
        </message>
    </context>
    <context>
        <name>LibraryActions</name>
        <message>
            <source>Edit &amp;Metadata…</source>
            <translation>تحرير &amp;بيانات المقال…</translation>
        </message>
        <message>
            <source>Title, author, outlet, date, language, tags and collections</source>
            <translation>العنوان والكاتب والمنبر والتاريخ واللغة والوسوم والمجموعات</translation>
        </message>
        <message>
            <source>&amp;Tags…</source>
            <translation>ال&amp;وسوم…</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>ح&amp;ذف…</translation>
        </message>
        <message>
            <source>Add to &amp;Collection</source>
            <translation>إضافة إلى م&amp;جموعة</translation>
        </message>
        <message>
            <source>&amp;Remove from Collection</source>
            <translation>إ&amp;خراج من مجموعة</translation>
        </message>
        <message>
            <source>New Collection…</source>
            <translation>مجموعة جديدة…</translation>
        </message>
        <message>
            <source>In no collection</source>
            <translation>ليست في أي مجموعة</translation>
        </message>
        <message>
            <source>Write the date as a year, a month or a day: 2015, 2015-07 or 2015-07-21.</source>
            <translation>اكتب التاريخ سنةً أو شهرًا أو يومًا: ⁨2015⁩ أو ⁨2015-07⁩ أو ⁨2015-07-21⁩.</translation>
        </message>
        <message>
            <source>An article needs a title.</source>
            <translation>لا بد للمقال من عنوان.</translation>
        </message>
        <message>
            <source>Write the language as a short code, such as ar, en or fr.</source>
            <translation>اكتب اللغة برمز قصير، مثل ⁨ar⁩ أو ⁨en⁩ أو ⁨fr⁩.</translation>
        </message>
        <message>
            <source>New Collection</source>
            <translation>مجموعة جديدة</translation>
        </message>
        <message>
            <source>Name of the new collection:</source>
            <translation>اسم المجموعة الجديدة:</translation>
        </message>
        <message>
            <source>Delete Articles</source>
            <translation>حذف المقالات</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>احذف</translation>
        </message>
        <message>
            <source>Edit → Undo brings them back with their highlights and notes.</source>
            <translation>يعيدها «تحرير ← تراجع» بتظليلاتها وملاحظاتها.</translation>
        </message>
        <message numerus="yes">
            <source>%Ln highlight(s)</source>
            <translation>
                <numerusform>لا تظليلات</numerusform>
                <numerusform>تظليل واحد</numerusform>
                <numerusform>تظليلان</numerusform>
                <numerusform>%Ln تظليلات</numerusform>
                <numerusform>%Ln تظليلًا</numerusform>
                <numerusform>%Ln تظليل</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete “{title}” with its {highlights}?</source>
            <translation>أتحذف «{title}» مع تظليلاته ({highlights})؟</translation>
        </message>
        <message>
            <source>Delete “{title}”?</source>
            <translation>أتحذف «{title}»؟</translation>
        </message>
        <message numerus="yes">
            <source>%Ln article(s)</source>
            <translation>
                <numerusform>لا مقالات</numerusform>
                <numerusform>مقال واحد</numerusform>
                <numerusform>مقالان</numerusform>
                <numerusform>%Ln مقالات</numerusform>
                <numerusform>%Ln مقالًا</numerusform>
                <numerusform>%Ln مقال</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete {articles} with their {highlights}?</source>
            <translation>أتحذف المقالات المحددة ({articles}) مع تظليلاتها ({highlights})؟</translation>
        </message>
        <message>
            <source>Delete {articles}?</source>
            <translation>أتحذف المقالات المحددة ({articles})؟</translation>
        </message>
    </context>
    <context>
        <name>LibraryCommands</name>
        <message>
            <source>Edit metadata</source>
            <translation>تحرير بيانات المقال</translation>
        </message>
        <message>
            <source>Delete articles</source>
            <translation>حذف مقالات</translation>
        </message>
        <message>
            <source>Change tags</source>
            <translation>تغيير الوسوم</translation>
        </message>
        <message>
            <source>Add to collection</source>
            <translation>إضافة إلى مجموعة</translation>
        </message>
        <message>
            <source>Remove from collection</source>
            <translation>إخراج من مجموعة</translation>
        </message>
        <message>
            <source>New collection</source>
            <translation>مجموعة جديدة</translation>
        </message>
        <message>
            <source>Rename collection</source>
            <translation>إعادة تسمية مجموعة</translation>
        </message>
        <message>
            <source>Delete collection</source>
            <translation>حذف مجموعة</translation>
        </message>
    </context>
    <context>
        <name>LibraryFilterController</name>
        <message>
            <source>&amp;Filter Library…</source>
            <translation>&amp;تصفية المكتبة…</translation>
        </message>
        <message>
            <source>Write a date as 2015, 2015-07 or 2015-07-21.</source>
            <translation>اكتب التاريخ هكذا: ⁨2015⁩ أو ⁨2015-07⁩ أو ⁨2015-07-21⁩.</translation>
        </message>
        <message>
            <source>The library list could not be filtered.</source>
            <translation>تعذّرت تصفية قائمة المكتبة.</translation>
        </message>
        <message>
            <source>Arabic</source>
            <translation>العربية</translation>
        </message>
        <message>
            <source>English</source>
            <translation>الإنجليزية</translation>
        </message>
        <message>
            <source>Collection: {name}</source>
            <translation>المجموعة: {name}</translation>
        </message>
        <message>
            <source>Tag: {tag}</source>
            <translation>الوسم: {tag}</translation>
        </message>
        <message>
            <source>Author: {author}</source>
            <translation>الكاتب: {author}</translation>
        </message>
        <message>
            <source>Outlet: {outlet}</source>
            <translation>المنبر: {outlet}</translation>
        </message>
        <message>
            <source>Language: {language}</source>
            <translation>اللغة: {language}</translation>
        </message>
        <message>
            <source>{since} to {until}</source>
            <translation>من {since} إلى {until}</translation>
        </message>
        <message>
            <source>Since {date}</source>
            <translation>منذ {date}</translation>
        </message>
        <message>
            <source>Until {date}</source>
            <translation>حتى {date}</translation>
        </message>
        <message>
            <source>With highlights</source>
            <translation>فيها تظليلات</translation>
        </message>
    </context>
    <context>
        <name>LibraryModel</name>
        <message>
            <location filename="../reader/gui/library/library_model.py" line="69" />
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/library_model.py" line="70" />
            <source>Author</source>
            <translation>الكاتب</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/library_model.py" line="71" />
            <source>Outlet</source>
            <translation>المنبر</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/library_model.py" line="72" />
            <source>Date</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/library_model.py" line="73" />
            <source>Highlights</source>
            <translation>التظليلات</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../reader/gui/main_window.py" line="0" />
            <source>&amp;Keyboard Shortcuts</source>
            <translation>&amp;اختصارات لوحة المفاتيح</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="62" />
            <location filename="../reader/gui/main_window.py" line="253" />
            <location filename="../reader/gui/main_window.py" line="283" />
            <source>Hawamish</source>
            <extracomment>`hawamish gui --search QUERY` asks for a search once the window is shown (the search module runs it). Every library Change, delivered on the UI thread (stores may write from worker threads).</extracomment>
            <translation>هوامش</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="74" />
            <source>Article</source>
            <translation>مقال</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="72" />
            <source>Library</source>
            <translation>المكتبة</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="127" />
            <source>&amp;File</source>
            <translation>&amp;ملف</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="128" />
            <source>&amp;Edit</source>
            <translation>&amp;تحرير</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="129" />
            <source>&amp;View</source>
            <translation>&amp;عرض</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="130" />
            <source>&amp;Help</source>
            <translation>م&amp;ساعدة</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="160" />
            <source>&amp;Quit</source>
            <translation>إ&amp;نهاء</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="165" />
            <source>&amp;Undo</source>
            <translation>&amp;تراجع</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="168" />
            <source>&amp;Redo</source>
            <translation>إ&amp;عادة</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="175" />
            <source>&amp;Copy</source>
            <translation>&amp;نسخ</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="181" />
            <source>Select &amp;All</source>
            <translation>تحديد ال&amp;كل</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="186" />
            <source>&amp;Library List</source>
            <translation>قائمة ال&amp;مكتبة</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="194" />
            <source>&amp;Larger Text</source>
            <translation>نص أ&amp;كبر</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="200" />
            <source>&amp;Smaller Text</source>
            <translation>نص أ&amp;صغر</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="206" />
            <source>&amp;Normal Size</source>
            <translation>الحجم ال&amp;عادي</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="214" />
            <source>&amp;About Hawamish</source>
            <translation>&amp;عن هوامش</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="248" />
            <source>{title} — Hawamish</source>
            <translation>{title} — هوامش</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="256" />
            <source>Articles: {count}</source>
            <translation>المقالات: {count}</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="259" />
            <source>Your library is empty</source>
            <translation>مكتبتك فارغة</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="261" />
            <source>Add articles with File → Import Files… (Ctrl+O), or drop files or folders on this window: saved web pages, PDF, EPUB and Word files, Markdown, or plain text whose first line is the title. File → Import Folder… adds a whole folder at once.</source>
            <translation>أضف مقالات من ملف ← استيراد ملفات… (Ctrl+O)، أو أسقط ملفات أو مجلدات على هذه النافذة: صفحات ويب محفوظة، وملفات PDF وEPUB وWord، وملفات ماركداون، أو نصوص سطرها الأول هو العنوان. ويضيف ملف ← استيراد مجلد… مجلدًا كاملًا دفعة واحدة.</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="267" />
            <source>No article open</source>
            <translation>لا مقال مفتوح</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="268" />
            <source>Choose an article in the library list, or add more with File → Import Files…</source>
            <translation>اختر مقالًا من قائمة المكتبة، أو أضف المزيد من ملف ← استيراد ملفات…</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="275" />
            <source>About Hawamish</source>
            <translation>عن هوامش</translation>
        </message>
        <message>
            <location filename="../reader/gui/main_window.py" line="277" />
            <source>&lt;h3&gt;Hawamish {version}&lt;/h3&gt;&lt;p&gt;Read, annotate, search and export opinion pieces.&lt;/p&gt;&lt;p&gt;Arabic text is set in Amiri (SIL Open Font License).&lt;/p&gt;</source>
            <translation>&lt;h3&gt;هوامش {version}&lt;/h3&gt;&lt;p&gt;اقرأ مقالات الرأي، وعلّق عليها، وابحث فيها، وصدّر ملاحظاتك.&lt;/p&gt;&lt;p&gt;النص العربي مصفوف بخط أميري (رخصة SIL للخطوط المفتوحة).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;Article</source>
            <translation>ال&amp;مقال</translation>
        </message>
        <message>
            <source>{shown} of {count} articles</source>
            <translation>المقالات: {shown} من {count}</translation>
        </message>
        <message>
            <source>&amp;Reading</source>
            <translation>ال&amp;قراءة</translation>
        </message>
    </context>
    <context>
        <name>MetadataDialog</name>
        <message>
            <source>Edit Metadata</source>
            <translation>بيانات المقال</translation>
        </message>
        <message>
            <source>2015, 2015-07 or 2015-07-21</source>
            <translation>2015 أو 2015-07 أو 2015-07-21</translation>
        </message>
        <message>
            <source>Arabic</source>
            <translation>العربية</translation>
        </message>
        <message>
            <source>English</source>
            <translation>الإنجليزية</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>غير معروفة</translation>
        </message>
        <message>
            <source>Choose a language, or type its code (fr, de, fa…)</source>
            <translation>اختر لغة أو اكتب رمزها (fr، de، fa…)</translation>
        </message>
        <message>
            <source>Tags, separated by commas</source>
            <translation>وسوم تفصل بينها فواصل</translation>
        </message>
        <message>
            <source>Collections</source>
            <translation>المجموعات</translation>
        </message>
        <message>
            <source>New collection</source>
            <translation>مجموعة جديدة</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>أضف</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>ال&amp;عنوان:</translation>
        </message>
        <message>
            <source>&amp;Author:</source>
            <translation>ال&amp;كاتب:</translation>
        </message>
        <message>
            <source>&amp;Outlet:</source>
            <translation>ال&amp;منبر:</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>ال&amp;تاريخ:</translation>
        </message>
        <message>
            <source>&amp;Web address:</source>
            <translation>ال&amp;رابط:</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>ال&amp;لغة:</translation>
        </message>
        <message>
            <source>Ta&amp;gs:</source>
            <translation>الو&amp;سوم:</translation>
        </message>
        <message>
            <source>&amp;Collections:</source>
            <translation>المج&amp;موعات:</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="223" />
            <source>The library is being indexed: the results will appear when it is ready.</source>
            <translation>تجري فهرسة المكتبة: ستظهر النتائج حين تكتمل.</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="58" />
            <source>Search articles, highlights and notes (Ctrl+K)</source>
            <extracomment>Results fetched at first, and added each time the list is scrolled to its end: the core builds a snippet for every hit (about 2 ms each on 1,500 articles), so a short first page keeps typing-to-results fast. The article view's search marks: lighter than the find bar's, so both can be on screen at once. Emitted after results (or a message) are shown for the latest query: (query, rows shown, seconds). Emitted after a result was opened and its hits marked: (article id, number of hits marked).</extracomment>
            <translation>ابحث في المقالات والتظليلات والملاحظات (Ctrl+K)</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="63" />
            <source>Words must all match; use OR, -word, "a phrase", prefix*, title:, author:, outlet:, tag:, collection:, color:, date:2024 or date:2020..2023</source>
            <translation>يجب أن تتطابق كل الكلمات؛ استخدم ⁨OR⁩ و⁨-⁩كلمة و"عبارة" وبادئة* و⁨title:⁩ و⁨author:⁩ و⁨outlet:⁩ و⁨tag:⁩ و⁨collection:⁩ و⁨color:⁩ و⁨date:2024⁩ أو ⁨date:2020..2023⁩</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="72" />
            <source>Kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="73" />
            <source>Everything</source>
            <translation>الكل</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="74" />
            <source>Articles</source>
            <translation>المقالات</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="75" />
            <source>Highlights</source>
            <translation>التظليلات</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="76" />
            <source>Notes</source>
            <translation>الملاحظات</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="77" />
            <source>Colour label</source>
            <translation>تسمية اللون</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="78" />
            <source>Tag</source>
            <translation>الوسم</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="79" />
            <source>Outlet</source>
            <translation>المنبر</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="80" />
            <source>Date</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="83" />
            <source>Search within results</source>
            <translation>البحث ضمن النتائج</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="85" />
            <source>Keep the current results and narrow them with the next query</source>
            <translation>أبقِ النتائج الحالية وضيّقها بالبحث التالي</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="104" />
            <source>Search results</source>
            <translation>نتائج البحث</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="161" />
            <source>Any colour</source>
            <translation>أي لون</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="164" />
            <source>Any tag</source>
            <translation>أي وسم</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="165" />
            <source>Any outlet</source>
            <translation>أي منبر</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="166" />
            <source>Any date</source>
            <translation>أي تاريخ</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="212" />
            <source>%1+ results</source>
            <translation>%1 نتيجة أو أكثر</translation>
        </message>
        <message numerus="yes">
            <location filename="../reader/gui/search/search_panel.py" line="214" />
            <source>%Ln result(s)</source>
            <translation>
                <numerusform>لا نتائج</numerusform>
                <numerusform>نتيجة واحدة</numerusform>
                <numerusform>نتيجتان</numerusform>
                <numerusform>%Ln نتائج</numerusform>
                <numerusform>%Ln نتيجة</numerusform>
                <numerusform>%Ln نتيجة</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="215" />
            <source>Nothing found. Try fewer words, or a word's stem with *.</source>
            <translation>لم يُعثر على شيء. جرّب كلمات أقل، أو جذر الكلمة مع *.</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="226" />
            <source>This query cannot be read: %1</source>
            <translation>تتعذّر قراءة عبارة البحث هذه: %1</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_controller.py" line="354" />
            <source>Hit %1 of %2 (F3 next, Shift+F3 previous)</source>
            <translation>النتيجة %1 من %2 (F3 التالية، Shift+F3 السابقة)</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_controller.py" line="134" />
            <source>&amp;Search Library…</source>
            <translation>البحث في ال&amp;مكتبة…</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_controller.py" line="141" />
            <source>Next Search Hit</source>
            <translation>نتيجة البحث التالية</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_controller.py" line="146" />
            <source>Previous Search Hit</source>
            <translation>نتيجة البحث السابقة</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_controller.py" line="152" />
            <source>Search &amp;Panel</source>
            <translation>&amp;لوحة البحث</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_controller.py" line="102" />
            <source>Search</source>
            <translation>بحث</translation>
        </message>
    </context>
    <context>
        <name>SearchResults</name>
        <message>
            <location filename="../reader/gui/search/search_model.py" line="80" />
            <source>Article</source>
            <extracomment>Background of a matched word inside a snippet (and, lighter, of every hit in the article view).</extracomment>
            <translation>مقال</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_model.py" line="81" />
            <source>Highlight</source>
            <translation>تظليل</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_model.py" line="82" />
            <source>Note</source>
            <translation>ملاحظة</translation>
        </message>
    </context>
    <context>
        <name>SelectionActions</name>
        <message>
            <location filename="../reader/gui/annotations/selection_toolbar.py" line="39" />
            <source>&amp;Highlight</source>
            <translation>&amp;تظليل</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/selection_toolbar.py" line="41" />
            <source>&amp;Underline</source>
            <translation>&amp;خط تحت النص</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/selection_toolbar.py" line="46" />
            <source>Highlight and Add &amp;Note</source>
            <translation>تظليل وإضافة &amp;ملاحظة</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/selection_toolbar.py" line="92" />
            <source>Highlight</source>
            <translation>تظليل</translation>
        </message>
    </context>
    <context>
        <name>BackupFlow</name>
        <message>
            <location filename="../reader/gui/backup/backup_flow.py" line="62" />
            <source>Saving a backup of the library…</source>
            <translation>جارٍ حفظ نسخة احتياطية من المكتبة…</translation>
        </message>
        <message numerus="yes">
            <location filename="../reader/gui/backup/backup_flow.py" line="67" />
            <source>Backup of %Ln article(s) saved to %1</source>
            <translation>
                <numerusform>حُفظت نسخة احتياطية من المكتبة (لا مقالات فيها) في %1</numerusform>
                <numerusform>حُفظت نسخة احتياطية من مقال واحد في %1</numerusform>
                <numerusform>حُفظت نسخة احتياطية من مقالين في %1</numerusform>
                <numerusform>حُفظت نسخة احتياطية من %Ln مقالات في %1</numerusform>
                <numerusform>حُفظت نسخة احتياطية من %Ln مقالًا في %1</numerusform>
                <numerusform>حُفظت نسخة احتياطية من %Ln مقال في %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../reader/gui/backup/backup_flow.py" line="75" />
            <source>The backup was not saved</source>
            <translation>لم تُحفظ النسخة الاحتياطية</translation>
        </message>
        <message>
            <location filename="../reader/gui/backup/backup_flow.py" line="51" />
            <source>Back Up Library</source>
            <translation>نسخ المكتبة احتياطيًا</translation>
        </message>
        <message>
            <location filename="../reader/gui/backup/backup_flow.py" line="53" />
            <source>Hawamish backup (*.sqlite3)</source>
            <translation>نسخة هوامش الاحتياطية (*.sqlite3)</translation>
        </message>
        <message>
            <location filename="../reader/gui/backup/backup_flow.py" line="42" />
            <source>&amp;Back Up Library…</source>
            <translation>&amp;نسخ المكتبة احتياطيًا…</translation>
        </message>
        <message>
            <location filename="../reader/gui/backup/backup_flow.py" line="44" />
            <source>Save a copy of every article, highlight and note to a file</source>
            <translation>احفظ نسخة من كل المقالات والتظليلات والملاحظات في ملف</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>ا&amp;بحث في:</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>الملفات من ال&amp;نوع:</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>كل الملفات (*)</translation>
        </message>
        <message>
            <source>Go back</source>
            <translation>ارجع</translation>
        </message>
        <message>
            <source>Go forward</source>
            <translation>تقدّم</translation>
        </message>
        <message>
            <source>Go to the parent directory</source>
            <translation>اذهب إلى المجلد الأعلى</translation>
        </message>
        <message>
            <source>Create a New Folder</source>
            <translation>أنشئ مجلدًا جديدًا</translation>
        </message>
        <message>
            <source>Change to list view mode</source>
            <translation>اعرض الملفات قائمة</translation>
        </message>
        <message>
            <source>Change to detail view mode</source>
            <translation>اعرض الملفات بتفاصيلها</translation>
        </message>
        <message>
            <source>Sidebar</source>
            <translation>الشريط الجانبي</translation>
        </message>
        <message>
            <source>List of places and bookmarks</source>
            <translation>قائمة الأماكن والعلامات</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>الملفات</translation>
        </message>
        <message>
            <source>Show &amp;hidden files</source>
            <translation>أظهر الملفات ال&amp;مخفية</translation>
        </message>
        <message>
            <source>&amp;New Folder</source>
            <translation>مجلد &amp;جديد</translation>
        </message>
        <message>
            <source>&amp;Rename</source>
            <translation>أعد ال&amp;تسمية</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>ا&amp;حذف</translation>
        </message>
        <message>
            <source>Recent Places</source>
            <translation>الأماكن الأخيرة</translation>
        </message>
        <message>
            <source>Directories</source>
            <translation>المجلدات</translation>
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <source>Folder</source>
            <translation>مجلد</translation>
        </message>
        <message>
            <source>File</source>
            <translation>ملف</translation>
        </message>
        <message>
            <source>Drive</source>
            <translation>قرص</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>غير معروف</translation>
        </message>
    </context>
    <context>
        <name>HighlightMenu</name>
        <message>
            <location filename="../reader/gui/annotations/highlight_menu.py" line="0" />
            <source>%1: “%2”</source>
            <translation>%1: «%2»</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/highlight_menu.py" line="0" />
            <source>This highlight</source>
            <translation>هذا التظليل</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/highlight_menu.py" line="0" />
            <source>Highlights here</source>
            <translation>التظليلات هنا</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/highlight_menu.py" line="0" />
            <source>Edit Note…</source>
            <translation>تحرير الملاحظة…</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/highlight_menu.py" line="0" />
            <source>Colour</source>
            <translation>اللون</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/highlight_menu.py" line="0" />
            <source>Use Background</source>
            <translation>تظليل الخلفية</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/highlight_menu.py" line="0" />
            <source>Use Underline</source>
            <translation>خط تحت النص</translation>
        </message>
        <message>
            <location filename="../reader/gui/annotations/highlight_menu.py" line="0" />
            <source>Delete Highlight…</source>
            <translation>حذف التظليل…</translation>
        </message>
    </context>
    <context>
        <name>CaretBrowsing</name>
        <message>
            <location filename="../reader/gui/reading/caret_browsing.py" line="0" />
            <source>&amp;Caret Browsing</source>
            <translation>&amp;التصفح بالمؤشر</translation>
        </message>
    </context>
    <context>
        <name>FocusMode</name>
        <message>
            <location filename="../reader/gui/reading/focus_mode.py" line="0" />
            <source>&amp;Distraction-Free Reading</source>
            <translation>&amp;قراءة بلا مشتتات</translation>
        </message>
    </context>
    <context>
        <name>ReadingProgress</name>
        <message>
            <location filename="../reader/gui/reading/reading_progress.py" line="0" />
            <source>Reading progress</source>
            <translation>تقدّم القراءة</translation>
        </message>
        <message>
            <location filename="../reader/gui/reading/reading_progress.py" line="0" />
            <source>How far through the article the view is</source>
            <translation>كم قرأت من المقال حتى الآن</translation>
        </message>
        <message>
            <location filename="../reader/gui/reading/reading_progress.py" line="0" />
            <source>{percent}%</source>
            <translation>{percent}٪</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsSheet</name>
        <message>
            <location filename="../reader/gui/help/shortcuts_sheet.py" line="0" />
            <source>Other</source>
            <translation>أخرى</translation>
        </message>
        <message>
            <location filename="../reader/gui/help/shortcuts_sheet.py" line="0" />
            <source>Keyboard Shortcuts</source>
            <translation>اختصارات لوحة المفاتيح</translation>
        </message>
        <message>
            <location filename="../reader/gui/help/shortcuts_sheet.py" line="0" />
            <source>Filter shortcuts</source>
            <translation>تصفية الاختصارات</translation>
        </message>
        <message>
            <location filename="../reader/gui/help/shortcuts_sheet.py" line="0" />
            <source>Keyboard shortcuts</source>
            <translation>اختصارات لوحة المفاتيح</translation>
        </message>
        <message>
            <location filename="../reader/gui/help/shortcuts_sheet.py" line="0" />
            <source>Action</source>
            <translation>الإجراء</translation>
        </message>
        <message>
            <location filename="../reader/gui/help/shortcuts_sheet.py" line="0" />
            <source>Shortcut</source>
            <translation>الاختصار</translation>
        </message>
        <message>
            <location filename="../reader/gui/help/shortcuts_sheet.py" line="0" />
            <source>, </source>
            <translation>، </translation>
        </message>
    </context>
    <context>
        <name>Accessibility</name>
        <message>
            <location filename="../reader/gui/common/accessibility.py" line="0" />
            <source>Side panels</source>
            <translation>اللوحات الجانبية</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source> characters</source>
            <translation> حرفًا</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source> pt</source>
            <translation> نقطة</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>&amp;Browse…</source>
            <translation>ت&amp;صفح…</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>&amp;Digits:</source>
            <translation>الأر&amp;قام:</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>&amp;Export to:</source>
            <translation>ال&amp;تصدير إلى:</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>&amp;Font:</source>
            <translation>ال&amp;خط:</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>&amp;Interface language:</source>
            <translation>&amp;لغة الواجهة:</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>&amp;Justify Arabic paragraphs</source>
            <translation>&amp;ضبط الفقرات العربية من الجانبين</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>&amp;Line spacing:</source>
            <translation>تباعد الأ&amp;سطر:</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>&amp;Open Selected</source>
            <translation>&amp;فتح المحددة</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>&amp;Size:</source>
            <translation>ال&amp;حجم:</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>&amp;Theme:</source>
            <translation>ال&amp;سمة:</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Appearance</source>
            <translation>المظهر</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Arabic-Indic (%1)</source>
            <translation>هندية (%1)</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Changes show in the open article at once; Cancel puts back what was there.</source>
            <translation>تظهر التغييرات في المقال المفتوح فورًا؛ ويعيد «إلغاء» ما كان عليه.</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Colour labels:</source>
            <translation>تسميات الألوان:</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Compact</source>
            <translation>متقارب</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Dark</source>
            <translation>داكن</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Edit Colour &amp;Labels…</source>
            <translation>تعديل &amp;تسميات الألوان…</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Export to</source>
            <translation>التصدير إلى</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Follow the system</source>
            <translation>حسب النظام</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Hawamish closes this library and opens the other one in a new window.</source>
            <translation>يغلق هوامش هذه المكتبة ويفتح المكتبة الأخرى في نافذة جديدة.</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Hawamish restarts in the new language when you press OK.</source>
            <translation>يُعاد تشغيل هوامش باللغة الجديدة عند الضغط على «موافق».</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Labels and Export</source>
            <translation>التسميات والتصدير</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Language</source>
            <translation>اللغة</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Library</source>
            <translation>المكتبة</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Light</source>
            <translation>فاتح</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Loose</source>
            <translation>واسع جدًا</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Normal</source>
            <translation>عادي</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Open &amp;Another Library…</source>
            <translation>فتح م&amp;كتبة أخرى…</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Open Another Library</source>
            <translation>فتح مكتبة أخرى</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Preferences</source>
            <translation>التفضيلات</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Recent libraries:</source>
            <translation>المكتبات الأخيرة:</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Relaxed</source>
            <translation>واسع</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Sepia</source>
            <translation>بني دافئ</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Text &amp;width:</source>
            <translation>&amp;عرض النص:</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>The folder of the last export</source>
            <translation>مجلد آخر تصدير</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>The system's</source>
            <translation>لغة النظام</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>This library:</source>
            <translation>هذه المكتبة:</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Western (%1)</source>
            <translation>غربية (%1)</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/preferences_dialog.py" line="1" />
            <source>Arabic-Indic digits are used when the interface is in Arabic: in the article count of the status bar and the dates of articles.</source>
            <translation>تُستعمل الأرقام الهندية حين تكون الواجهة بالعربية: في عدد المقالات في شريط الحالة وفي تواريخ المقالات.</translation>
        </message>
        <message>
            <source>Export &amp;format:</source>
            <translation>&amp;صيغة التصدير:</translation>
        </message>
        <message>
            <source>As the system prints</source>
            <translation>كما يطبع النظام</translation>
        </message>
        <message>
            <source>A4</source>
            <translation>⁦A4⁩</translation>
        </message>
        <message>
            <source>US Letter</source>
            <translation>رسالة أمريكية (⁨Letter⁩)</translation>
        </message>
        <message>
            <source>PDF &amp;page size:</source>
            <translation>&amp;مقاس صفحة ⁨PDF⁩:</translation>
        </message>
        <message>
            <source>PDF: include the article text with the highlights marked</source>
            <translation>⁨PDF⁩: أدرج نص المقال وعليه التظليلات</translation>
        </message>
    </context>
    <context>
        <name>PreferencesController</name>
        <message>
            <location filename="../reader/gui/preferences/controller.py" line="1" />
            <source>&amp;Preferences…</source>
            <translation>ال&amp;تفضيلات…</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/controller.py" line="1" />
            <source>Restart Hawamish</source>
            <translation>إعادة تشغيل هوامش</translation>
        </message>
        <message>
            <location filename="../reader/gui/preferences/controller.py" line="1" />
            <source>The new interface language is used after a restart. Restart Hawamish now?</source>
            <translation>تُستعمل لغة الواجهة الجديدة بعد إعادة التشغيل. أتعيد تشغيل هوامش الآن؟</translation>
        </message>
    </context>
    <context>
        <name>CardDelegate</name>
        <message>
            <source>underlined</source>
            <translation>مسطّر</translation>
        </message>
    </context>
    <context>
        <name>ShareDialog</name>
        <message>
            <source>Share Library</source>
            <translation>مشاركة المكتبة</translation>
        </message>
        <message>
            <source>Choose a folder that a sync engine (Syncthing, Nextcloud, Dropbox, a git clone) keeps in step between your team's machines. Hawamish writes your highlights, notes and tags there and reads everyone else's; the library itself stays on this computer.</source>
            <translation>اختر مجلدًا يبقيه محرّك مزامنة (Syncthing أو Nextcloud أو Dropbox أو نسخة git) متطابقًا بين أجهزة فريقك. يكتب «هوامش» فيه تظليلاتك وملاحظاتك ووسومك ويقرأ ما كتبه الآخرون، وتبقى المكتبة نفسها على هذا الحاسوب.</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>اختيار…</translation>
        </message>
        <message>
            <source>How the others will see you</source>
            <translation>الاسم الذي يراك به الآخرون</translation>
        </message>
        <message>
            <source>Also share the articles' texts</source>
            <translation>مشاركة نصوص المقالات أيضًا</translation>
        </message>
        <message>
            <source>Pieces are copyrighted: share their texts only where your team may. Without them, each member imports the articles and the highlights follow.</source>
            <translation>المقالات محميّة بحقوق النشر: لا تشارك نصوصها إلا حيث يحقّ لفريقك. ومن دونها يستورد كل عضو المقالات وتتبعها التظليلات.</translation>
        </message>
        <message>
            <source>Folder:</source>
            <translation>المجلد:</translation>
        </message>
        <message>
            <source>Your name:</source>
            <translation>اسمك:</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>مشاركة</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>Shared Folder</source>
            <translation>المجلد المشترك</translation>
        </message>
    </context>
    <context>
        <name>SharingPanel</name>
        <message>
            <source>Members</source>
            <translation>الأعضاء</translation>
        </message>
        <message>
            <source>Sync Now</source>
            <translation>زامن الآن</translation>
        </message>
        <message>
            <source>Share Library…</source>
            <translation>مشاركة المكتبة…</translation>
        </message>
        <message>
            <source>This library is not shared.</source>
            <translation>هذه المكتبة غير مشتركة.</translation>
        </message>
        <message>
            <source>Share it through a folder a sync engine carries, and your team's highlights and notes appear here as they write them.</source>
            <translation>شاركها عبر مجلد يحمله محرّك مزامنة، فتظهر هنا تظليلات فريقك وملاحظاتهم كلما كتبوها.</translation>
        </message>
        <message>
            <source>Shared through %1</source>
            <translation>مشتركة عبر %1</translation>
        </message>
        <message>
            <source>(you)</source>
            <translation>(أنت)</translation>
        </message>
        <message numerus="yes">
            <source>%Ln record(s)</source>
            <translation>
                <numerusform>لا سجلات</numerusform>
                <numerusform>سجل واحد</numerusform>
                <numerusform>سجلان</numerusform>
                <numerusform>%Ln سجلات</numerusform>
                <numerusform>%Ln سجلًا</numerusform>
                <numerusform>%Ln سجل</numerusform>
            </translation>
        </message>
        <message>
            <source>never</source>
            <translation>لم تتم بعد</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>تجري المزامنة…</translation>
        </message>
        <message>
            <source>Last sync: %1</source>
            <translation>آخر مزامنة: %1</translation>
        </message>
        <message numerus="yes">
            <source>%Ln record(s) waiting (an article not here yet, or a file still arriving)</source>
            <translation>
                <numerusform>لا سجلات منتظرة</numerusform>
                <numerusform>سجل واحد منتظر (مقال لم يصل بعد، أو ملف ما زال يصل)</numerusform>
                <numerusform>سجلان منتظران (مقال لم يصل بعد، أو ملف ما زال يصل)</numerusform>
                <numerusform>%Ln سجلات منتظرة (مقال لم يصل بعد، أو ملف ما زال يصل)</numerusform>
                <numerusform>%Ln سجلًا منتظرًا (مقال لم يصل بعد، أو ملف ما زال يصل)</numerusform>
                <numerusform>%Ln سجل منتظر (مقال لم يصل بعد، أو ملف ما زال يصل)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln highlight(s) edited at the same time by two people: both versions kept</source>
            <translation>
                <numerusform>لا تظليلات</numerusform>
                <numerusform>تظليل واحد عدّله شخصان في الوقت نفسه: حُفظت النسختان</numerusform>
                <numerusform>تظليلان عدّلهما شخصان في الوقت نفسه: حُفظت النسختان</numerusform>
                <numerusform>%Ln تظليلات عدّلها شخصان في الوقت نفسه: حُفظت النسختان</numerusform>
                <numerusform>%Ln تظليلًا عدّله شخصان في الوقت نفسه: حُفظت النسختان</numerusform>
                <numerusform>%Ln تظليل عدّله شخصان في الوقت نفسه: حُفظت النسختان</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SharingController</name>
        <message>
            <source>Team</source>
            <translation>الفريق</translation>
        </message>
        <message>
            <source>&amp;Share Library…</source>
            <translation>م&amp;شاركة المكتبة…</translation>
        </message>
        <message>
            <source>S&amp;ync Now</source>
            <translation>زا&amp;من الآن</translation>
        </message>
        <message>
            <source>&amp;Team Panel</source>
            <translation>لوحة ال&amp;فريق</translation>
        </message>
        <message numerus="yes">
            <source>Sync: %Ln line(s) of the shared logs skipped (not records)</source>
            <translation>
                <numerusform>المزامنة: لم يُتخطَّ أي سطر</numerusform>
                <numerusform>المزامنة: تُخطّي سطر واحد من السجلات المشتركة (ليس سجلًا)</numerusform>
                <numerusform>المزامنة: تُخطّي سطران من السجلات المشتركة (ليسا سجلين)</numerusform>
                <numerusform>المزامنة: تُخطّيت %Ln أسطر من السجلات المشتركة (ليست سجلات)</numerusform>
                <numerusform>المزامنة: تُخطّي %Ln سطرًا من السجلات المشتركة (ليست سجلات)</numerusform>
                <numerusform>المزامنة: تُخطّي %Ln سطر من السجلات المشتركة (ليست سجلات)</numerusform>
            </translation>
        </message>
        <message>
            <source>The library could not be synced</source>
            <translation>تعذّرت مزامنة المكتبة</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>تجري المزامنة…</translation>
        </message>
        <message numerus="yes">
            <source>Shared with %Ln other(s)</source>
            <translation>
                <numerusform>مشتركة، ولا أحد غيرك بعد</numerusform>
                <numerusform>مشتركة مع شخص آخر</numerusform>
                <numerusform>مشتركة مع شخصين آخرين</numerusform>
                <numerusform>مشتركة مع %Ln أشخاص آخرين</numerusform>
                <numerusform>مشتركة مع %Ln شخصًا آخر</numerusform>
                <numerusform>مشتركة مع %Ln شخص آخر</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln kept concurrent edit(s)</source>
            <translation>
                <numerusform>لا تعديلات متزامنة</numerusform>
                <numerusform>تعديل متزامن محفوظ</numerusform>
                <numerusform>تعديلان متزامنان محفوظان</numerusform>
                <numerusform>%Ln تعديلات متزامنة محفوظة</numerusform>
                <numerusform>%Ln تعديلًا متزامنًا محفوظًا</numerusform>
                <numerusform>%Ln تعديل متزامن محفوظ</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../reader/messages.py" line="0" />
            <source>a page titled {name} already exists</source>
            <translation>توجد صفحة بعنوان {name} من قبل</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="1" />
            <source>no space left on the disk holding the library</source>
            <translation>لا مساحة متبقية على القرص الذي يحمل المكتبة</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="1" />
            <source>the library folder is read-only</source>
            <translation>مجلد المكتبة للقراءة فقط</translation>
        </message>
        <message>
            <location filename="../reader/messages.py" line="1" />
            <source>library busy: another Hawamish is writing to it; try again in a moment</source>
            <translation>المكتبة مشغولة: نسخة أخرى من هوامش تكتب فيها؛ أعد المحاولة بعد قليل</translation>
        </message>
        <message>
            <source>a library is a folder, and this is a file</source>
            <translation>المكتبة مجلد، وهذا ملف</translation>
        </message>
    </context>
    <context>
        <name>PagesPane</name>
        <message>
            <source>Research Pages</source>
            <translation>صفحات البحث</translation>
        </message>
        <message>
            <source>Research pages</source>
            <translation>صفحات البحث</translation>
        </message>
        <message>
            <source>Page text (Markdown)</source>
            <translation>نص الصفحة (Markdown)</translation>
        </message>
        <message>
            <source>Write in Markdown. Drop highlights here to quote them; a quote is a line {{quote ID}}.</source>
            <translation>اكتب بصيغة Markdown. أفلت التظليلات هنا لتقتبسها؛ الاقتباس سطر ⁨{{quote ID}}⁩.</translation>
        </message>
        <message>
            <source>Page with its quotes</source>
            <translation>الصفحة باقتباساتها</translation>
        </message>
        <message>
            <source>New Page…</source>
            <translation>صفحة جديدة…</translation>
        </message>
        <message>
            <source>Rename Page…</source>
            <translation>إعادة تسمية الصفحة…</translation>
        </message>
        <message>
            <source>Delete Page</source>
            <translation>حذف الصفحة</translation>
        </message>
        <message>
            <source>Export Page…</source>
            <translation>تصدير الصفحة…</translation>
        </message>
        <message>
            <source>New Page</source>
            <translation>صفحة جديدة</translation>
        </message>
        <message>
            <source>Title of the new page:</source>
            <translation>عنوان الصفحة الجديدة:</translation>
        </message>
        <message>
            <source>Rename Page</source>
            <translation>إعادة تسمية الصفحة</translation>
        </message>
        <message>
            <source>New title:</source>
            <translation>العنوان الجديد:</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Markdown (*.md)</source>
            <translation>Markdown (*.md)</translation>
        </message>
        <message>
            <source>Export Page</source>
            <translation>تصدير الصفحة</translation>
        </message>
        <message>
            <source>Page exported to %1</source>
            <translation>صُدِّرت الصفحة إلى %1</translation>
        </message>
        <message>
            <source>Quote deleted: highlight %1 is no longer in the library.</source>
            <translation>اقتباس محذوف: لم يعد التظليل %1 في المكتبة.</translation>
        </message>
        <message>
            <source>The passage was not found in the article’s current text.</source>
            <translation>لم يُعثر على المقطع في نص المقال الحالي.</translation>
        </message>
    </context>
    <context>
        <name>PageCommands</name>
        <message>
            <source>New Page</source>
            <translation>صفحة جديدة</translation>
        </message>
        <message>
            <source>Rename Page</source>
            <translation>إعادة تسمية الصفحة</translation>
        </message>
        <message>
            <source>Delete Page</source>
            <translation>حذف الصفحة</translation>
        </message>
    </context>
    <context>
        <name>AnnotationPanel</name>
        <message>
            <source>Copy as Citation</source>
            <translation>نسخ كاستشهاد</translation>
        </message>
    </context>
    <context>
        <name>AnnotationController</name>
        <message>
            <source>Citation copied</source>
            <translation>نُسخ الاستشهاد</translation>
        </message>
    </context>
    <context>
        <name>SingleInstance</name>
        <message>
            <location filename="../reader/gui/single_instance.py" line="1" />
            <source>Hawamish is already open on this library: this is its window.</source>
            <translation>هوامش مفتوح على هذه المكتبة من قبل: هذه نافذته.</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Restore Library</source>
            <translation>استعادة المكتبة</translation>
        </message>
        <message>
            <source>Choose a backup. Everything in the library is replaced by what the backup holds; the library as it is now is saved in its backups folder first.</source>
            <translation>اختر نسخة احتياطية. يحلّ محلّ كل ما في المكتبة ما تحويه النسخة، وتُحفظ المكتبة كما هي الآن في مجلد نسخها الاحتياطية أولًا.</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>الحجم</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>أُنشئت</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>النسخ الاحتياطية</translation>
        </message>
        <message>
            <source>No backups in the library's folder yet: choose a file with Other File…</source>
            <translation>لا نسخ احتياطية في مجلد المكتبة بعد: اختر ملفًا بزر «ملف آخر…»</translation>
        </message>
        <message>
            <source>&amp;Restore…</source>
            <translation>ا&amp;ستعادة…</translation>
        </message>
        <message>
            <source>&amp;Other File…</source>
            <translation>&amp;ملف آخر…</translation>
        </message>
        <message>
            <source>Automatically, at start</source>
            <translation>تلقائيًا، عند البدء</translation>
        </message>
        <message>
            <source>Before an update of the library</source>
            <translation>قبل تحديث المكتبة</translation>
        </message>
        <message>
            <source>Before a restore</source>
            <translation>قبل استعادة</translation>
        </message>
        <message>
            <source>Before a repair</source>
            <translation>قبل إصلاح</translation>
        </message>
        <message>
            <source>By you</source>
            <translation>يدويًا</translation>
        </message>
        <message>
            <source>Restore From a Backup</source>
            <translation>الاستعادة من نسخة احتياطية</translation>
        </message>
        <message>
            <source>Hawamish backup (*.sqlite3);;All files (*)</source>
            <translation>نسخة هوامش الاحتياطية (*.sqlite3);;كل الملفات (*)</translation>
        </message>
    </context>
    <context>
        <name>RestoreFlow</name>
        <message>
            <source>&amp;Restore From Backup…</source>
            <translation>ا&amp;ستعادة من نسخة احتياطية…</translation>
        </message>
        <message>
            <source>Replace the library's content with a backup's</source>
            <translation>ضع محتوى نسخة احتياطية مكان محتوى المكتبة</translation>
        </message>
        <message>
            <source>Reading the backup…</source>
            <translation>جارٍ قراءة النسخة الاحتياطية…</translation>
        </message>
        <message>
            <source>Replace everything in the library with this backup (articles: %1, highlights: %2)? The library as it is now is saved in its backups folder first.</source>
            <translation>أتضع هذه النسخة الاحتياطية مكان كل ما في المكتبة (المقالات: %1، التظليلات: %2)؟ تُحفظ المكتبة كما هي الآن في مجلد نسخها الاحتياطية أولًا.</translation>
        </message>
        <message>
            <source>Restore Library</source>
            <translation>استعادة المكتبة</translation>
        </message>
        <message>
            <source>Restoring the library…</source>
            <translation>جارٍ استعادة المكتبة…</translation>
        </message>
        <message>
            <source>Library restored. What it held before is saved in %1</source>
            <translation>استُعيدت المكتبة. ما كانت تحويه قبلُ محفوظ في %1</translation>
        </message>
        <message>
            <source>The library was not restored</source>
            <translation>لم تُستعد المكتبة</translation>
        </message>
    </context>
    <context>
        <name>BackupFlow</name>
        <message>
            <source>The automatic backup was not saved: %1</source>
            <translation>لم تُحفظ النسخة الاحتياطية التلقائية: %1</translation>
        </message>
    </context>
    <context>
        <name>CompareController</name>
        <message>
            <source>Unknown author</source>
            <translation>كاتب غير معروف</translation>
        </message>
        <message>
            <source>&amp;Compare</source>
            <translation>م&amp;قارنة</translation>
        </message>
        <message>
            <source>Passages on one tag, label or search, side by side by author</source>
            <translation>مقاطع وسم أو تصنيف أو بحث واحد، جنبًا إلى جنب حسب الكاتب</translation>
        </message>
        <message numerus="yes">
            <source>%Ln column(s)</source>
            <translation>
                <numerusform>لا أعمدة</numerusform>
                <numerusform>عمود واحد</numerusform>
                <numerusform>عمودان</numerusform>
                <numerusform>%Ln أعمدة</numerusform>
                <numerusform>%Ln عمودًا</numerusform>
                <numerusform>%Ln عمود</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot compare</source>
            <translation>تعذّرت المقارنة</translation>
        </message>
        <message>
            <source>Unknown outlet</source>
            <translation>منبر غير معروف</translation>
        </message>
        <message>
            <source>Compare what different writers said</source>
            <translation>قارن ما قاله كتّاب مختلفون</translation>
        </message>
        <message>
            <source>Type tag: and a tag, label: and a colour label, or words to search in highlights and notes, then press Enter: the passages appear side by side, one column per author.</source>
            <translation>اكتب ⁦tag:⁩ ووسمًا، أو ⁦label:⁩ وتصنيفًا لونيًا، أو كلمات يُبحث عنها في التظليلات والملاحظات، ثم اضغط ⁦Enter⁩: تظهر المقاطع جنبًا إلى جنب، عمود لكل كاتب.</translation>
        </message>
        <message>
            <source>&amp;Copy Quote</source>
            <translation>ا&amp;نسخ الاقتباس</translation>
        </message>
        <message>
            <source>No passages</source>
            <translation>لا مقاطع</translation>
        </message>
        <message numerus="yes">
            <source>%Ln passage(s)</source>
            <translation>
                <numerusform>لا مقاطع</numerusform>
                <numerusform>مقطع واحد</numerusform>
                <numerusform>مقطعان</numerusform>
                <numerusform>%Ln مقاطع</numerusform>
                <numerusform>%Ln مقطعًا</numerusform>
                <numerusform>%Ln مقطع</numerusform>
            </translation>
        </message>
        <message>
            <source>That article is no longer in the library.</source>
            <translation>لم يعد هذا المقال في المكتبة.</translation>
        </message>
        <message>
            <source>&amp;Open in Article</source>
            <translation>ا&amp;فتحه في المقال</translation>
        </message>
        <message>
            <source>&amp;Insert Quote into Page</source>
            <translation>أ&amp;درج الاقتباس في الصفحة</translation>
        </message>
        <message>
            <source>No highlight matches “{query}”. Try another tag, label or words.</source>
            <translation>لا تظليل يطابق «{query}». جرّب وسمًا أو تصنيفًا أو كلمات أخرى.</translation>
        </message>
        <message>
            <source>Copy as &amp;Citation</source>
            <translation>نسخ كا&amp;ستشهاد</translation>
        </message>
    </context>
    <context>
        <name>PassageColumn</name>
        <message numerus="yes">
            <source>%Ln passage(s)</source>
            <translation>
                <numerusform>لا مقاطع</numerusform>
                <numerusform>مقطع واحد</numerusform>
                <numerusform>مقطعان</numerusform>
                <numerusform>%Ln مقاطع</numerusform>
                <numerusform>%Ln مقطعًا</numerusform>
                <numerusform>%Ln مقطع</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CompareView</name>
        <message>
            <source>tag:security, label:claim or words to search</source>
            <translation>⁦tag:أمن⁩ أو ⁦label:claim⁩ أو كلمات للبحث</translation>
        </message>
        <message>
            <source>Compare passages with</source>
            <translation>قارن المقاطع حسب</translation>
        </message>
        <message>
            <source>Columns by</source>
            <translation>الأعمدة حسب</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>قارن</translation>
        </message>
        <message>
            <source>Columns &amp;by:</source>
            <translation>الأعمدة &amp;حسب:</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>الكاتب</translation>
        </message>
        <message>
            <source>Outlet</source>
            <translation>المنبر</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>المقال</translation>
        </message>
    </context>
    <context>
        <name>TagManagerDialog</name>
        <message>
            <source>Manage Tags</source>
            <translation>إدارة الوسوم</translation>
        </message>
        <message>
            <source>Filter tags</source>
            <translation>تصفية الوسوم</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>الوسوم</translation>
        </message>
        <message>
            <source>No tags yet. Tag a highlight in the notes panel, or articles with Article → Tags…</source>
            <translation>لا وسوم بعد. ضع وسمًا على تظليل في لوحة الملاحظات، أو على مقالات من المقال ← الوسوم…</translation>
        </message>
        <message>
            <source>&amp;Rename…</source>
            <translation>أعد ال&amp;تسمية…</translation>
        </message>
        <message>
            <source>&amp;Merge Into…</source>
            <translation>ا&amp;دمج في…</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>ا&amp;حذف</translation>
        </message>
        <message>
            <source>A tag written parent/child sits under its parent; a filter on the parent finds its children. Renaming, merging or deleting a tag does the same to its children. Edit → Undo takes it back.</source>
            <translation>الوسم المكتوب أصل/فرع يقع تحت أصله، والتصفية بالأصل تجد فروعه. إعادة تسمية وسم أو دمجه أو حذفه تفعل الشيء نفسه بفروعه. تحرير ← تراجع يعيده.</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>الوسم</translation>
        </message>
        <message>
            <source>Highlights</source>
            <translation>التظليلات</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>المقالات</translation>
        </message>
    </context>
    <context>
        <name>TagManager</name>
        <message>
            <source>Manage &amp;Tags…</source>
            <translation>إدارة ال&amp;وسوم…</translation>
        </message>
        <message>
            <source>Rename Tag</source>
            <translation>إعادة تسمية الوسم</translation>
        </message>
        <message>
            <source>Merge Tags</source>
            <translation>دمج الوسوم</translation>
        </message>
        <message numerus="yes">
            <source>Merge %n tag(s) into (an existing tag or a new name):</source>
            <translation>
                <numerusform>ادمج في (وسم موجود أو اسم جديد):</numerusform>
                <numerusform>ادمج الوسم في (وسم موجود أو اسم جديد):</numerusform>
                <numerusform>ادمج الوسمين في (وسم موجود أو اسم جديد):</numerusform>
                <numerusform>ادمج الوسوم الـ%n في (وسم موجود أو اسم جديد):</numerusform>
                <numerusform>ادمج الوسوم الـ%n في (وسم موجود أو اسم جديد):</numerusform>
                <numerusform>ادمج الوسوم الـ%n في (وسم موجود أو اسم جديد):</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete Tags</source>
            <translation>حذف الوسوم</translation>
        </message>
        <message>
            <source>Merge Tags into {tag}</source>
            <translation>دمج الوسوم في {tag}</translation>
        </message>
        <message>
            <source>Rename Tag {old} to {new}</source>
            <translation>إعادة تسمية الوسم {old} إلى {new}</translation>
        </message>
        <message>
            <source>Delete Tags {tags}</source>
            <translation>حذف الوسوم {tags}</translation>
        </message>
        <message>
            <source>Manage Tags</source>
            <translation>إدارة الوسوم</translation>
        </message>
        <message>
            <source>New name for {tag} (its children follow):</source>
            <translation>اسم جديد لـ{tag} (وتتبعه فروعه):</translation>
        </message>
        <message>
            <source>Take {tags} and their children off every highlight and article? Edit → Undo puts them back.</source>
            <translation>أتزيل {tags} وفروعها من كل تظليل ومقال؟ يعيدها تحرير ← تراجع.</translation>
        </message>
    </context>
    <context>
        <name>NotebookController</name>
        <message>
            <source>Nothing</source>
            <translation>بلا تجميع</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>الوسم</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>التصنيف</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>المقال</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>الكاتب</translation>
        </message>
        <message>
            <source>Outlet</source>
            <translation>المنبر</translation>
        </message>
        <message>
            <source>Collection</source>
            <translation>المجموعة</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>الشهر</translation>
        </message>
        <message>
            <source>Untagged</source>
            <translation>بلا وسم</translation>
        </message>
        <message>
            <source>No author</source>
            <translation>بلا كاتب</translation>
        </message>
        <message>
            <source>No outlet</source>
            <translation>بلا منبر</translation>
        </message>
        <message>
            <source>In no collection</source>
            <translation>خارج المجموعات</translation>
        </message>
        <message>
            <source>No date</source>
            <translation>بلا تاريخ</translation>
        </message>
        <message>
            <source>No label</source>
            <translation>بلا تصنيف</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>بلا عنوان</translation>
        </message>
        <message>
            <source>Article and position</source>
            <translation>المقال والموضع</translation>
        </message>
        <message>
            <source>Article date</source>
            <translation>تاريخ المقال</translation>
        </message>
        <message>
            <source>Newest first</source>
            <translation>الأحدث أولًا</translation>
        </message>
        <message>
            <source>&amp;Notebook</source>
            <translation>&amp;دفتر الملاحظات</translation>
        </message>
        <message>
            <source>Every highlight and note in the library, filtered and grouped</source>
            <translation>كل تظليلات المكتبة وملاحظاتها، مصفّاة ومجمّعة</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;فتح</translation>
        </message>
        <message>
            <source>Edit &amp;Note</source>
            <translation>تعديل ال&amp;ملاحظة</translation>
        </message>
        <message>
            <source>Edit &amp;Tags</source>
            <translation>تعديل الو&amp;سوم</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;نسخ</translation>
        </message>
        <message>
            <source>&amp;Export Selected…</source>
            <translation>&amp;تصدير المحدَّد…</translation>
        </message>
        <message>
            <source>Any label</source>
            <translation>أي تصنيف</translation>
        </message>
        <message>
            <source>Any author</source>
            <translation>أي كاتب</translation>
        </message>
        <message>
            <source>Any outlet</source>
            <translation>أي منبر</translation>
        </message>
        <message>
            <source>Any collection</source>
            <translation>كل المجموعات</translation>
        </message>
        <message>
            <source>Not a date: write 2015, 2015-07 or 2015-07-21</source>
            <translation>ليس تاريخًا: اكتب ⁦2015⁩ أو ⁦2015-07⁩ أو ⁦2015-07-21⁩</translation>
        </message>
        <message>
            <source>Reading the notebook…</source>
            <translation>جارٍ قراءة دفتر الملاحظات…</translation>
        </message>
        <message>
            <source>{shown} of {total}</source>
            <translation>{shown} من {total}</translation>
        </message>
        <message>
            <source>No highlights yet</source>
            <translation>لا تظليلات بعد</translation>
        </message>
        <message>
            <source>Select a passage in an article and choose a colour: every highlight and note you make is gathered here.</source>
            <translation>حدّد مقطعًا في مقال واختر لونًا: كل تظليل وملاحظة تكتبها يُجمع هنا.</translation>
        </message>
        <message>
            <source>Nothing matches</source>
            <translation>لا شيء يطابق</translation>
        </message>
        <message>
            <source>Change or clear the filters.</source>
            <translation>غيّر عوامل التصفية أو امسحها.</translation>
        </message>
        <message>
            <source>Note and tags of: {title}</source>
            <translation>ملاحظة ووسوم: {title}</translation>
        </message>
        <message>
            <source>That article is no longer in the library.</source>
            <translation>لم يعد هذا المقال في المكتبة.</translation>
        </message>
        <message numerus="yes">
            <source>%Ln highlight(s)</source>
            <translation>
                <numerusform>لا تظليلات</numerusform>
                <numerusform>تظليل واحد</numerusform>
                <numerusform>تظليلان</numerusform>
                <numerusform>%Ln تظليلات</numerusform>
                <numerusform>%Ln تظليلًا</numerusform>
                <numerusform>%Ln تظليل</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Insert Quote into Page</source>
            <translation>أ&amp;درج الاقتباس في الصفحة</translation>
        </message>
        <message>
            <source>Copy as &amp;Citation</source>
            <translation>نسخ كا&amp;ستشهاد</translation>
        </message>
    </context>
    <context>
        <name>NotebookView</name>
        <message>
            <source>Notebook</source>
            <translation>دفتر الملاحظات</translation>
        </message>
        <message>
            <source>Filter highlights</source>
            <translation>تصفية التظليلات</translation>
        </message>
        <message>
            <source>Group by</source>
            <translation>التجميع</translation>
        </message>
        <message>
            <source>Sort by</source>
            <translation>الترتيب</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>الوسم</translation>
        </message>
        <message>
            <source>Colour label</source>
            <translation>تصنيف اللون</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>الكاتب</translation>
        </message>
        <message>
            <source>Outlet</source>
            <translation>المنبر</translation>
        </message>
        <message>
            <source>Collection</source>
            <translation>المجموعة</translation>
        </message>
        <message>
            <source>Article published since</source>
            <translation>نُشر المقال منذ</translation>
        </message>
        <message>
            <source>Article published until</source>
            <translation>نُشر المقال حتى</translation>
        </message>
        <message>
            <source>Highlights</source>
            <translation>التظليلات</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>الملاحظة</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>الوسوم</translation>
        </message>
        <message>
            <source>Filter highlights and notes…</source>
            <translation>تصفية التظليلات والملاحظات…</translation>
        </message>
        <message>
            <source>Any tag</source>
            <translation>أي وسم</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>من</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>إلى</translation>
        </message>
        <message>
            <source>Group by:</source>
            <translation>التجميع:</translation>
        </message>
        <message>
            <source>Sort:</source>
            <translation>الترتيب:</translation>
        </message>
        <message>
            <source>Note on the current passage (Markdown)</source>
            <translation>ملاحظة على المقطع الحالي (ماركداون)</translation>
        </message>
        <message>
            <source>Tags, separated by commas; Enter saves</source>
            <translation>وسوم تفصل بينها فواصل؛ Enter يحفظها</translation>
        </message>
        <message>
            <source>A year, a month or a day of the article's date: 2015, 2015-07 or 2015-07-21</source>
            <translation>سنة أو شهر أو يوم من تاريخ المقال: ⁦2015⁩ أو ⁦2015-07⁩ أو ⁦2015-07-21⁩</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>The passages selected in the notebook ({count})</source>
            <translation>المقاطع المحدَّدة في دفتر الملاحظات ({count})</translation>
        </message>
        <message>
            <source>Notebook passages</source>
            <translation>مقاطع من دفتر الملاحظات</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../reader/messages.py" line="0" />
            <source>a saved search named {name} already exists</source>
            <translation>يوجد بحث محفوظ باسم {name} من قبل</translation>
        </message>
    </context>
    <context>
        <name>RelatedPanel</name>
        <message>
            <location filename="../reader/gui/search/related_panel.py" line="1" />
            <source>Related articles</source>
            <translation>مقالات ذات صلة</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/related_panel.py" line="1" />
            <source>Choose More Like This on an article or a highlight.</source>
            <translation>اختر «مقالات مشابهة» من قائمة مقال أو تظليل.</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/related_panel.py" line="1" />
            <source>Like the article {title}</source>
            <translation>مقالات تشبه المقال {title}</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/related_panel.py" line="1" />
            <source>Like the passage “{quote}”</source>
            <translation>مقالات تشبه المقطع «{quote}»</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/related_panel.py" line="1" />
            <source>Looking for related articles…</source>
            <translation>جارٍ البحث عن مقالات مشابهة…</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/related_panel.py" line="1" />
            <source>Key words: {words}</source>
            <translation>الكلمات المفتاحية: {words}</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/related_panel.py" line="1" />
            <source>Nothing in the library is like it.</source>
            <translation>لا شيء في المكتبة يشبهه.</translation>
        </message>
    </context>
    <context>
        <name>RelatedController</name>
        <message>
            <location filename="../reader/gui/search/related_controller.py" line="1" />
            <source>More Like This</source>
            <translation>مقالات مشابهة</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/related_controller.py" line="1" />
            <source>More &amp;Like This</source>
            <translation>مقالات م&amp;شابهة</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/related_controller.py" line="1" />
            <source>More Like This &amp;Panel</source>
            <translation>&amp;لوحة المقالات المشابهة</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/related_controller.py" line="1" />
            <source>More Like This Passage</source>
            <translation>مقالات تشبه هذا المقطع</translation>
        </message>
    </context>
    <context>
        <name>SearchMemory</name>
        <message>
            <location filename="../reader/gui/search/search_memory.py" line="1" />
            <source>Save search</source>
            <translation>حفظ البحث</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_memory.py" line="1" />
            <source>Recent Searches</source>
            <translation>عمليات البحث الأخيرة</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_memory.py" line="1" />
            <source>Recent searches</source>
            <translation>عمليات البحث الأخيرة</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_memory.py" line="1" />
            <source>&amp;Clear Search History</source>
            <translation>ا&amp;مسح سجل البحث</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_memory.py" line="1" />
            <source>Save This Search…</source>
            <translation>احفظ هذا البحث…</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_memory.py" line="1" />
            <source>Save this search: it is listed with the collections</source>
            <translation>احفظ هذا البحث: يظهر مع المجموعات</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_memory.py" line="1" />
            <source>No recent searches</source>
            <translation>لا عمليات بحث أخيرة</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_memory.py" line="1" />
            <source>Type a query to save it.</source>
            <translation>اكتب استعلامًا لتحفظه.</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_memory.py" line="1" />
            <source>Save Search</source>
            <translation>حفظ البحث</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_memory.py" line="1" />
            <source>Name of the saved search (it is listed with the collections):</source>
            <translation>اسم البحث المحفوظ (يظهر مع المجموعات):</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_memory.py" line="1" />
            <source>Saved the search {name}: it is listed with the collections.</source>
            <translation>حُفظ البحث {name}: تجده مع المجموعات.</translation>
        </message>
    </context>
    <context>
        <name>SavedSearchCommands</name>
        <message>
            <location filename="../reader/gui/library/saved_search_commands.py" line="1" />
            <source>Rename saved search</source>
            <translation>إعادة تسمية بحث محفوظ</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/saved_search_commands.py" line="1" />
            <source>Delete saved search</source>
            <translation>حذف بحث محفوظ</translation>
        </message>
    </context>
    <context>
        <name>CollectionsController</name>
        <message>
            <location filename="../reader/gui/library/collections_controller.py" line="1" />
            <source>&amp;Search in This Collection</source>
            <translation>ا&amp;بحث في هذه المجموعة</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/collections_controller.py" line="1" />
            <source>&amp;Open in Search</source>
            <translation>ا&amp;فتح في البحث</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/collections_controller.py" line="1" />
            <source>&amp;Delete</source>
            <translation>&amp;حذف</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/collections_controller.py" line="1" />
            <source>Rename Saved Search</source>
            <translation>إعادة تسمية بحث محفوظ</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/collections_controller.py" line="1" />
            <source>New name of the saved search {name}:</source>
            <translation>الاسم الجديد للبحث المحفوظ {name}:</translation>
        </message>
        <message>
            <location filename="../reader/gui/library/collections_controller.py" line="1" />
            <source>Saved search deleted (Edit → Undo brings it back)</source>
            <translation>حُذف البحث المحفوظ (تحرير ← تراجع يعيده)</translation>
        </message>
    </context>
    <context>
        <name>CollectionsPanel</name>
        <message>
            <location filename="../reader/gui/library/collections_panel.py" line="1" />
            <source>Saved search: {query}</source>
            <translation>بحث محفوظ: {query}</translation>
        </message>
    </context>
    <context>
        <name>LibraryFilterController</name>
        <message>
            <location filename="../reader/gui/library/filter_controller.py" line="1" />
            <source>Saved search: {name}</source>
            <translation>بحث محفوظ: {name}</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <location filename="../reader/gui/search/search_controller.py" line="1" />
            <source>Search in Articles by {author}</source>
            <translation>ابحث في مقالات {author}</translation>
        </message>
    </context>
    <context>
        <name>SearchByRoot</name>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="1" />
            <source>Search by root</source>
            <translation>البحث بالجذر</translation>
        </message>
        <message>
            <location filename="../reader/gui/search/search_panel.py" line="1" />
            <source>Search by root: كتب finds كتاب, مكتبة, كاتب and يكتبون (root:)</source>
            <translation>البحث بالجذر: «كتب» يجد كتاب ومكتبة وكاتب ويكتبون</translation>
        </message>
        <message>
            <source>Indexing the roots of every word (once)…</source>
            <translation>تُفهرَس جذور الكلمات كلها (مرة واحدة)…</translation>
        </message>
    </context>
    <context>
        <name>LinkOpener</name>
        <message>
            <location filename="../reader/gui/common/links.py" line="1" />
            <source>Open Link</source>
            <translation>فتح الرابط</translation>
        </message>
        <message>
            <location filename="../reader/gui/common/links.py" line="1" />
            <source>Open this link in your web browser?</source>
            <translation>أتفتح هذا الرابط في متصفح الويب؟</translation>
        </message>
    </context>
</TS>
