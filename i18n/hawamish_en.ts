<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English needs a translation file only for its plural forms: the source strings are English already,
     but "%n highlight(s)" must read "1 highlight" and "3 highlights" (Qt's numerus forms). -->
<TS version="2.1" language="en">
    <context>
        <name>AnnotationPanel</name>
        <message numerus="yes">
            <source>%n highlight(s)</source>
            <translation>
                <numerusform>%n highlight</numerusform>
                <numerusform>%n highlights</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Orphans: %n highlight(s) whose passage is no longer in the text</source>
            <translation>
                <numerusform>Orphans: %n highlight whose passage is no longer in the text</numerusform>
                <numerusform>Orphans: %n highlights whose passages are no longer in the text</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ArticleTagsDialog</name>
        <message numerus="yes">
            <source>Tags of %n selected article(s):</source>
            <translation>
                <numerusform>Tags of the selected article:</numerusform>
                <numerusform>Tags of %n selected articles:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BackupFlow</name>
        <message numerus="yes">
            <source>Backup of %n article(s) saved to %1</source>
            <translation>
                <numerusform>Backup of %n article saved to %1</numerusform>
                <numerusform>Backup of %n articles saved to %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CollectionsController</name>
        <message numerus="yes">
            <source>Its %n article(s) stay in the library.</source>
            <translation>
                <numerusform>Its %n article stays in the library.</numerusform>
                <numerusform>Its %n articles stay in the library.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CollectionsPanel</name>
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n article</numerusform>
                <numerusform>%n articles</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportFlow</name>
        <message numerus="yes">
            <source>The import was cancelled; %n file(s) were not read.</source>
            <translation>
                <numerusform>The import was cancelled; %n file was not read.</numerusform>
                <numerusform>The import was cancelled; %n files were not read.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Metadata from %n table(s)</source>
            <translation>
                <numerusform>Metadata from %n table</numerusform>
                <numerusform>Metadata from %n tables</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) of the metadata table matched no file</source>
            <translation>
                <numerusform>%n row of the metadata table matched no file</numerusform>
                <numerusform>%n rows of the metadata table matched no file</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) had no row in the metadata table</source>
            <translation>
                <numerusform>%n file had no row in the metadata table</numerusform>
                <numerusform>%n files had no row in the metadata table</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LibraryActions</name>
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n article</numerusform>
                <numerusform>%n articles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n highlight(s)</source>
            <translation>
                <numerusform>%n highlight</numerusform>
                <numerusform>%n highlights</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message numerus="yes">
            <source>%n result(s)</source>
            <translation>
                <numerusform>%n result</numerusform>
                <numerusform>%n results</numerusform>
            </translation>
        </message>
    </context>
</TS>
